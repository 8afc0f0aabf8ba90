/**
 * The builder's rate card form: what the organiser types (pounds and pence, days, ticks) to and from the
 * RateCard contract (shared/ratecard.ts, integer pence). Pure, so loading a card into the form and saving it
 * back gives the same card, and every problem names the field it belongs to.
 */
import * as v from 'valibot';
import { parsePounds, penceToDecimal } from '../../shared/money';
import {
  CATEGORIES,
  type Category,
  DEFAULT_RATE_CARD,
  MEAL_BANDS,
  type MealBand,
  PAYMENT_METHODS,
  type PaymentMethod,
  PaymentOptionsSchema,
  paymentOptionsOf,
  type RateCard,
  RateCardSchema,
  rateCardOf,
} from '../../shared/ratecard';
import { CATEGORY_NAMES, MEAL_NAMES, MILEAGE, MILEAGE_NAMES, type Mileage } from './ratecard-names';

export interface RateCardForm {
  offered: boolean;
  categories: Category[];
  mileage: Record<Mileage, string>;
  meals: Record<MealBand, string>;
  childcareHourlyCap: string;
  /** empty: no cap */
  caps: Record<Category, string>;
  receiptRequired: Category[];
  claimDeadlineDays: string;
  secondApproverAbove: string;
  timePayment: string;
  paymentOptions: PaymentMethod[];
}

export interface FieldError {
  /** the id of the input the error belongs to */
  target: string;
  text: string;
}

/** Input ids, shared by the form and the errors that point at it. */
export const fieldId = {
  offered: 'rc-offered',
  category: (c: Category) => `rc-category-${c}`,
  mileage: (m: Mileage) => `rc-mileage-${m}`,
  meal: (m: MealBand) => `rc-meal-${m}`,
  childcare: 'rc-childcare',
  cap: (c: Category) => `rc-cap-${c}`,
  receipt: (c: Category) => `rc-receipt-${c}`,
  deadline: 'rc-deadline',
  second: 'rc-second',
  time: 'rc-time',
  payment: (m: PaymentMethod) => `rc-payment-${m}`,
};

const pounds = penceToDecimal;
const byKey = <K extends string, T>(keys: readonly K[], f: (k: K) => T) => Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, T>;

/** The form for a draft's rate card and payment options; no card: "offers expenses" off, the defaults ready. */
export function toForm(content: { rateCard?: unknown; paymentOptions?: unknown }): RateCardForm {
  const given = rateCardOf(content);
  const card = given ?? DEFAULT_RATE_CARD;
  return {
    offered: given !== null,
    categories: [...card.categories],
    mileage: byKey(MILEAGE, (m) => pounds(card.mileage[m])),
    meals: byKey(MEAL_BANDS, (m) => pounds(card.meals[m])),
    childcareHourlyCap: pounds(card.childcareHourlyCap),
    caps: byKey(CATEGORIES, (c) => (card.caps[c] === undefined ? '' : pounds(card.caps[c]))),
    receiptRequired: [...card.receiptRequired],
    claimDeadlineDays: String(card.claimDeadlineDays),
    secondApproverAbove: pounds(card.secondApproverAbove),
    timePayment: pounds(card.timePaymentPence),
    paymentOptions: paymentOptionsOf(content),
  };
}

/** Valibot's path for a card problem, as the input it belongs to. */
function targetOf(path: readonly string[]): string {
  const [top, key] = path;
  if (top === 'mileage') return fieldId.mileage(key as Mileage);
  if (top === 'meals') return fieldId.meal(key as MealBand);
  if (top === 'caps') return fieldId.cap(key as Category);
  if (top === 'categories') return fieldId.category(CATEGORIES[0]);
  if (top === 'receiptRequired') return fieldId.receipt(CATEGORIES[0]);
  return (
    { childcareHourlyCap: fieldId.childcare, claimDeadlineDays: fieldId.deadline, secondApproverAbove: fieldId.second }[top ?? ''] ??
    fieldId.time
  );
}

/**
 * The rate card and payment options the form describes, or the problems, each naming its field. Offers no
 * expenses: no card at all (so no claim is offered).
 */
export function fromForm(f: RateCardForm): { rateCard?: RateCard; paymentOptions: PaymentMethod[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!f.offered) return { paymentOptions: f.paymentOptions, errors };
  const money = (target: string, text: string, name: string, optional = false): number | undefined => {
    if (optional && !text.trim()) return undefined;
    const p = parsePounds(text.trim());
    if (p === null) errors.push({ target, text: `${name}: enter an amount in pounds and pence, like 0.45 or 12.50` });
    return p ?? 0;
  };
  const days = /^\d{1,4}$/.test(f.claimDeadlineDays.trim()) ? Number(f.claimDeadlineDays.trim()) : Number.NaN;
  const caps: Partial<Record<Category, number>> = {};
  for (const c of CATEGORIES) {
    // a cap left unreadable on a category no longer offered is dropped, not a problem the form cannot show
    if (!f.categories.includes(c) && parsePounds(f.caps[c].trim()) === null) continue;
    const p = money(fieldId.cap(c), f.caps[c], `Most paid per line for ${CATEGORY_NAMES[c].toLowerCase()}`, true);
    if (p !== undefined) caps[c] = p;
  }
  const candidate = {
    categories: CATEGORIES.filter((c) => f.categories.includes(c)).sort((a, b) => f.categories.indexOf(a) - f.categories.indexOf(b)),
    mileage: byKey(MILEAGE, (m) => money(fieldId.mileage(m), f.mileage[m], `${MILEAGE_NAMES[m]} rate per mile`) ?? 0),
    meals: byKey(MEAL_BANDS, (m) => money(fieldId.meal(m), f.meals[m], `Meals, ${MEAL_NAMES[m].toLowerCase()}`) ?? 0),
    childcareHourlyCap: money(fieldId.childcare, f.childcareHourlyCap, 'Childcare, most paid per hour') ?? 0,
    caps,
    receiptRequired: CATEGORIES.filter((c) => f.receiptRequired.includes(c)).sort(
      (a, b) => f.receiptRequired.indexOf(a) - f.receiptRequired.indexOf(b),
    ),
    claimDeadlineDays: days,
    secondApproverAbove: money(fieldId.second, f.secondApproverAbove, 'Second approver above') ?? 0,
    timePaymentPence: money(fieldId.time, f.timePayment, 'Payment for time') ?? 0,
  };
  if (Number.isNaN(days)) errors.push({ target: fieldId.deadline, text: 'Claim deadline: enter a whole number of days, like 30' });
  const card = v.safeParse(RateCardSchema, candidate);
  if (!card.success && errors.length === 0) {
    for (const issue of card.issues) {
      const path = (issue.path ?? []).map((p) => String(p.key));
      const target = targetOf(path);
      const text =
        path[0] === 'categories'
          ? 'Categories offered: choose at least one'
          : path[0] === 'claimDeadlineDays'
            ? 'Claim deadline: enter a number of days from 0 to 3650'
            : `${path.join(' ')}: ${issue.message}`;
      if (!errors.some((e) => e.target === target)) errors.push({ target, text });
    }
  }
  const payments = v.safeParse(
    PaymentOptionsSchema,
    PAYMENT_METHODS.filter((m) => f.paymentOptions.includes(m)),
  );
  if (!payments.success) errors.push({ target: fieldId.payment(PAYMENT_METHODS[0]), text: 'Payment options: choose at least one' });
  return { ...(card.success && errors.length === 0 ? { rateCard: card.output } : {}), paymentOptions: f.paymentOptions, errors };
}

/**
 * A problem the server named ("content.rateCard.caps.taxi: …" on saving, "rateCard.caps.taxi: …" on
 * publishing), pointed at its input; null for any other problem.
 */
export function serverFieldError(message: string): FieldError | null {
  const m = /^(?:content\.)?rateCard\.([\w.]+): (.*)$/.exec(message);
  if (!m) return null;
  return { target: targetOf((m[1] as string).split('.')), text: message };
}
