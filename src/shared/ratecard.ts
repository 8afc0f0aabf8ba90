/**
 * The rate card of an engagement version: what may be claimed and at what rates. RateCardSchema is THE
 * contract: the builder refuses to save or publish a card that breaks it, devices and the server read a card
 * only through rateCardOf. DEFAULT_RATE_CARD is where a new card starts in the builder (published public-sector
 * guidance: HMRC approved mileage rates; day subsistence); every figure is editable.
 */
import * as v from 'valibot';
import { MAX_LINE_PENCE } from './money';

export const CATEGORIES = [
  'public_transport',
  'mileage',
  'taxi',
  'parking',
  'childcare',
  'support_worker',
  'interpreter',
  'meals',
  'phone',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const VEHICLES = ['car', 'motorcycle', 'bicycle'] as const;
export type Vehicle = (typeof VEHICLES)[number];
export const MEAL_BANDS = ['over5h', 'over10h'] as const;
export type MealBand = (typeof MEAL_BANDS)[number];

const Pence = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LINE_PENCE));

export const RateCardSchema = v.strictObject({
  /** categories offered, in the order shown */
  categories: v.pipe(v.array(v.picklist(CATEGORIES)), v.minLength(1)),
  /** pence per mile */
  mileage: v.strictObject({ car: Pence, motorcycle: Pence, bicycle: Pence, passenger: Pence }),
  /** most paid for a day's meals, by time away */
  meals: v.strictObject({ over5h: Pence, over10h: Pence }),
  /** most paid per hour of childcare or replacement care */
  childcareHourlyCap: Pence,
  /** most paid per line, by category (absent: no cap) */
  caps: v.record(v.picklist(CATEGORIES), Pence),
  /** categories where a receipt is expected (a missing one is a warning, never a wall) */
  receiptRequired: v.array(v.picklist(CATEGORIES)),
  /** claims made more than this many days after the session are late (a warning) */
  claimDeadlineDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650)),
  /** a claim approved above this total needs a second finance approver */
  secondApproverAbove: Pence,
  /** payment for time, where offered: the amount for taking part (0: not offered) */
  timePaymentPence: Pence,
});
export type RateCard = v.InferOutput<typeof RateCardSchema>;

export const PAYMENT_METHODS = ['bank', 'cash', 'voucher', 'none'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PaymentOptionsSchema = v.pipe(v.array(v.picklist(PAYMENT_METHODS)), v.minLength(1));

export const DEFAULT_RATE_CARD: RateCard = {
  categories: [...CATEGORIES],
  mileage: { car: 45, motorcycle: 24, bicycle: 20, passenger: 5 },
  meals: { over5h: 490, over10h: 1070 },
  childcareHourlyCap: 1500,
  caps: { taxi: 5000, parking: 2000, phone: 1000, other: 5000 },
  receiptRequired: ['public_transport', 'taxi', 'parking', 'support_worker', 'interpreter', 'other'],
  claimDeadlineDays: 30,
  secondApproverAbove: 10000,
  timePaymentPence: 0,
};

export const DEFAULT_PAYMENT_OPTIONS: PaymentMethod[] = ['bank', 'cash', 'voucher', 'none'];

/**
 * The engagement's rate card, or null: no card (or one that breaks the contract) means the engagement offers
 * no claim. Never the default in its place: a claim is priced only against a card its organiser published.
 */
export function rateCardOf(content: { rateCard?: unknown }): RateCard | null {
  const parsed = v.safeParse(RateCardSchema, content.rateCard);
  return parsed.success ? parsed.output : null;
}

/** An engagement offers expenses when its organiser gave it a valid rate card: its journey then asks about a claim. */
export const offersExpenses = (content: { rateCard?: unknown }): boolean => rateCardOf(content) !== null;

/** For screens reached only once offersExpenses() said yes: the card, which must be there. */
export function offeredRateCard(content: { rateCard?: unknown }): RateCard {
  const card = rateCardOf(content);
  if (!card) throw new Error('This engagement offers no claim: it has no valid rate card.');
  return card;
}

export function paymentOptionsOf(content: { paymentOptions?: unknown }): PaymentMethod[] {
  const parsed = v.safeParse(PaymentOptionsSchema, content.paymentOptions);
  return parsed.success ? parsed.output : DEFAULT_PAYMENT_OPTIONS;
}
