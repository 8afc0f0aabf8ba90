/**
 * The reference lookup: a participant types the code from their Done screen and sees their engagement's
 * published feedback and where their expense claim is. It reveals no personal data: no name, contact,
 * bank detail or answer: only the engagement and, of a claim, its stage, the amount approved, how it is
 * paid and when (shared/lookup.ts).
 */
import type { Kysely } from 'kysely';
import { APPROVED_STATES, type ClaimState } from '../../shared/claims';
import type { EngagementContent } from '../../shared/engagement';
import type { ClaimOutcome, ClaimStage, LookupReply } from '../../shared/lookup';
import { PAYMENT_METHODS, type PaymentMethod } from '../../shared/ratecard';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { publishedFeedbackBySlug } from './feedback';
import { lastPaymentFailures } from './payment-run-files';

/** Each claim state as the participant's stage (an approval waiting for its second approver is still being checked). */
const STAGE_OF: Record<ClaimState, ClaimStage> = {
  queued: 'received',
  submitted: 'received',
  needs_info: 'needs_info',
  approved: 'approved',
  partially_approved: 'approved',
  in_payment_run: 'in_payment',
  payment_failed: 'payment_failed',
  paid: 'paid',
  paid_on_day: 'paid',
  reconciled: 'paid',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};
const SETTLED: readonly ClaimStage[] = ['approved', 'in_payment', 'payment_failed', 'paid'];
const METHODS: readonly string[] = PAYMENT_METHODS;

async function claimOutcome(db: Kysely<DB>, code: string): Promise<ClaimOutcome | null> {
  const row = await db
    .selectFrom('claims')
    .select(['id', 'status', 'approved_pence', 'payment_method', 'paid_at', 'needs_second', 'second_approver'])
    .where('reference_code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const waitingForSecond = row.needs_second === 1 && !row.second_approver && APPROVED_STATES.some((s) => s === row.status);
  let stage = waitingForSecond ? 'checking' : STAGE_OF[row.status];
  // a refused payment returns its claim to approved at once (ready for the next run): until then the participant hears it failed
  if (stage === 'approved' && (await lastPaymentFailures(db, [row.id])).has(row.id)) stage = 'payment_failed';
  return {
    stage,
    approvedPence: SETTLED.includes(stage) ? Number(row.approved_pence) : null,
    method: METHODS.includes(row.payment_method) && row.payment_method !== 'none' ? (row.payment_method as PaymentMethod) : null,
    paidAt: stage === 'paid' && row.paid_at ? new Date(row.paid_at).toISOString() : null,
  };
}

export async function lookupReference(db: Kysely<DB>, code: string): Promise<LookupReply> {
  const row = await db
    .selectFrom('bundles as b')
    .innerJoin('engagement_versions as v', 'v.id', 'b.engagement_version_id')
    .innerJoin('engagements as e', 'e.id', 'v.engagement_id')
    .select(['e.slug', 'v.content_json'])
    .where('b.reference_code', '=', code)
    .executeTakeFirst();
  if (!row) {
    throw new HttpError(
      404,
      'unknown_reference',
      'We cannot find this reference. Check it against your Done screen. Answers given offline can take a few days to arrive.',
    );
  }
  const content = JSON.parse(row.content_json) as EngagementContent;
  return {
    slug: row.slug,
    title: content.title,
    defaultLocale: content.defaultLocale,
    feedback: await publishedFeedbackBySlug(db, row.slug),
    claim: await claimOutcome(db, code),
  };
}
