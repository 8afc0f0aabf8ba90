/**
 * The expense claim on a paper form, as staff type it in, turned into the shared claim contract
 * (shared/claims.ts) that the opener checks. Cash is not offered here: it is handed over at a session by a
 * facilitator, who records it on the device.
 */
import * as v from 'valibot';
import { ACCOUNT_NUMBER, type Claim, type ClaimLine, ClaimSchema, digitsOnly, SORT_CODE } from '../../shared/claims';
import { pathsOf } from '../../shared/issues';
import { lineAmount, parsePounds, parseQuantity } from '../../shared/money';
import { type Category, type PaymentMethod, paymentOptionsOf, type RateCard, type Vehicle } from '../../shared/ratecard';

export interface LineRaw {
  category: Category;
  /** pounds; for mileage and childcare the amount is worked out */
  amount: string;
  /** miles (mileage) or hours (childcare) */
  quantity: string;
  vehicle: Vehicle;
  /** pounds per hour (childcare) */
  rate: string;
}

export interface ClaimRaw {
  made: boolean;
  lines: LineRaw[];
  time: boolean;
  method: PaymentMethod | '';
  accountName: string;
  sortCode: string;
  accountNumber: string;
  voucherType: string;
  signedName: string;
}

export const emptyClaim = (): ClaimRaw => ({
  made: false,
  lines: [],
  time: false,
  method: '',
  accountName: '',
  sortCode: '',
  accountNumber: '',
  voucherType: '',
  signedName: '',
});

export const newLine = (card: RateCard): LineRaw => ({
  category: card.categories[0] ?? 'other',
  amount: '',
  quantity: '',
  vehicle: 'car',
  rate: '',
});

export const paperMethods = (content: { paymentOptions?: unknown }): PaymentMethod[] =>
  paymentOptionsOf(content).filter((m) => m !== 'cash');

function toLine(card: RateCard, l: LineRaw, n: number): ClaimLine | string {
  if (l.category === 'mileage' || l.category === 'childcare') {
    const quantityMilli = parseQuantity(l.quantity);
    const what = l.category === 'mileage' ? 'miles' : 'hours';
    if (!quantityMilli) return `Cost ${n}: enter the ${what} as a number, like 12.5.`;
    const ratePence = l.category === 'mileage' ? card.mileage[l.vehicle] : parsePounds(l.rate);
    if (ratePence === null) return `Cost ${n}: enter the hourly rate in pounds, like 12.50.`;
    const amountPence = lineAmount(quantityMilli, ratePence);
    return l.category === 'mileage'
      ? { category: 'mileage', quantityMilli, ratePence, amountPence, vehicle: l.vehicle, passengers: 0 }
      : { category: 'childcare', quantityMilli, ratePence, amountPence };
  }
  const amountPence = parsePounds(l.amount);
  if (!amountPence) return `Cost ${n}: enter the amount in pounds, like 4.20.`;
  return { category: l.category, amountPence };
}

function toPayment(raw: ClaimRaw): Claim['payment'] | string {
  if (raw.method === 'bank') {
    const sortCode = digitsOnly(raw.sortCode.trim());
    const accountNumber = digitsOnly(raw.accountNumber.trim());
    if (!raw.accountName.trim()) return 'Payment: enter the name on the account.';
    if (!SORT_CODE.test(sortCode)) return 'Payment: a sort code has 6 digits.';
    if (!ACCOUNT_NUMBER.test(accountNumber)) return 'Payment: an account number has 8 digits.';
    return { method: 'bank', accountName: raw.accountName.trim(), sortCode, accountNumber };
  }
  if (raw.method === 'voucher') {
    if (!raw.voucherType.trim()) return 'Payment: enter the kind of voucher the form asks for.';
    return { method: 'voucher', voucherType: raw.voucherType.trim() };
  }
  if (raw.method === 'none') return { method: 'none' };
  return 'Payment: choose how the form asks to be paid.';
}

/** The claim (null: none on the form), or a message saying what to fix. */
export function toClaim(raw: ClaimRaw, card: RateCard | null): Claim | null | { problem: string } {
  if (!raw.made || !card) return null;
  const lines: ClaimLine[] = [];
  for (const [i, l] of raw.lines.entries()) {
    const line = toLine(card, l, i + 1);
    if (typeof line === 'string') return { problem: line };
    lines.push(line);
  }
  const time = raw.time && card.timePaymentPence > 0 ? { choice: 'accept' as const, amountPence: card.timePaymentPence } : undefined;
  if (lines.length === 0 && !time) return { problem: 'Claim: add each cost on the form, or untick "The form makes an expense claim".' };
  const payment = toPayment(raw);
  if (typeof payment === 'string') return { problem: payment };
  if (!raw.signedName.trim()) return { problem: 'Claim: enter the name the person signed the declaration with.' };
  const claim = {
    lines,
    ...(time ? { time } : {}),
    payment,
    declaration: { kind: 'typed' as const, name: raw.signedName.trim() },
    at: new Date().toISOString(),
  };
  const checked = v.safeParse(ClaimSchema, claim);
  return checked.success ? checked.output : { problem: `Claim: check ${pathsOf(checked.issues).join(', ')}.` };
}
