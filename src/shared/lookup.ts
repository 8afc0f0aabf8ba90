/**
 * The reference lookup's reply (POST /api/lookup): the one contract the server keeps and the lookup page reads.
 * It reveals nothing personal: no name, contact, bank detail or answer; of a claim only its stage, the amount
 * approved, how it is paid and the day it was paid.
 */
import * as v from 'valibot';
import type { PublishedFeedback } from './feedback';
import { MAX_LINE_PENCE } from './money';
import { PAYMENT_METHODS } from './ratecard';

/** A claim's state as a participant needs it: fewer words, no internal steps. */
export const CLAIM_STAGES = [
  'received',
  'checking',
  'needs_info',
  'approved',
  'in_payment',
  'payment_failed',
  'paid',
  'rejected',
  'withdrawn',
] as const;
export type ClaimStage = (typeof CLAIM_STAGES)[number];

const LocalText = v.object({ standard: v.string(), easy: v.optional(v.string()) });

export const ClaimOutcomeSchema = v.strictObject({
  stage: v.picklist(CLAIM_STAGES),
  /** what finance approved, once it is settled (approved, in payment, paid); otherwise null */
  approvedPence: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LINE_PENCE * 100))),
  /** how the claim is paid; null when no payment was asked for */
  method: v.nullable(v.picklist(PAYMENT_METHODS)),
  /** when it was paid (an instant, UTC); null until then */
  paidAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
});
export type ClaimOutcome = v.InferOutput<typeof ClaimOutcomeSchema>;

export const LookupReplySchema = v.strictObject({
  slug: v.string(),
  title: v.record(v.string(), v.optional(LocalText)),
  defaultLocale: v.string(),
  /** the engagement's published "you said, we did" (shared/feedback.ts), or null */
  feedback: v.nullable(v.custom<PublishedFeedback>((x) => typeof x === 'object' && x !== null)),
  /** the expense claim, or null when the bundle had no claim */
  claim: v.nullable(ClaimOutcomeSchema),
});
export type LookupReply = v.InferOutput<typeof LookupReplySchema>;
