/**
 * The reference lookup: a participant types the code from their Done screen and sees their engagement's
 * published feedback and where their expense claim is. It reveals no personal data: no name, contact,
 * bank detail, answer, amount or time, only the engagement and a claim state.
 */
import type { Kysely } from 'kysely';
import type { EngagementContent } from '../../shared/engagement';
import type { LookupResult } from '../../shared/feedback';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { publishedFeedbackBySlug } from './feedback';

/** Claim states (issue 5) as a participant needs them: fewer words, no internal steps. */
export const CLAIM_STAGES: Record<string, string> = {
  submitted: 'received',
  needs_info: 'needs_info',
  approved: 'approved',
  partially_approved: 'approved',
  in_payment_run: 'approved',
  payment_failed: 'approved',
  paid: 'paid',
  paid_on_day: 'paid',
  reconciled: 'paid',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

async function claimStatus(db: Kysely<DB>, code: string): Promise<string | null> {
  const row = await db.selectFrom('claims').select('status').where('reference_code', '=', code).executeTakeFirst();
  return row ? (CLAIM_STAGES[row.status] ?? 'received') : null;
}

export async function lookupReference(db: Kysely<DB>, code: string): Promise<LookupResult> {
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
  const status = await claimStatus(db, code);
  return {
    slug: row.slug,
    title: content.title,
    defaultLocale: content.defaultLocale,
    feedback: await publishedFeedbackBySlug(db, row.slug),
    claim: status ? { status } : null,
  };
}
