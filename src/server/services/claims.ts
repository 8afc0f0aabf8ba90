/**
 * Stores the claim that travelled inside a bundle, in the same transaction as the bundle (the claim lands
 * with its bundle or not at all). Bank details are sealed under the server key at once; only their last 4
 * digits stay readable. Warnings are worked out again here, where earlier claims and receipts are known.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BundlePayload } from '../../shared/bundle';
import { type Claim, claimTotal, isLate, lineWarnings, type Warning } from '../../shared/claims';
import { type RateCard, rateCardOf } from '../../shared/ratecard';
import type { DB } from '../db/schema';
import type { ServerKey } from '../keys';
import { audit } from './audit';

export const BANK_CONTEXT = (claimId: string) => `bank:${claimId}`;
export const TIME_CATEGORY = 'time_payment';

export interface BankDetails {
  accountName: string;
  sortCode: string;
  accountNumber: string;
}

export async function versionCard(
  db: Kysely<DB> | Transaction<DB>,
  versionId: string,
): Promise<{ engagementId: string; card: RateCard | null } | null> {
  const row = await db
    .selectFrom('engagement_versions')
    .select(['engagement_id', 'content_json'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) return null;
  return { engagementId: row.engagement_id, card: rateCardOf(JSON.parse(row.content_json) as { rateCard?: unknown }) };
}

export interface StoredBundle {
  deviceId: string;
  receivedAt: string;
  /** when the session took place (it decides whether the claim is late); unknown: not late until the session arrives */
  sessionAt?: string;
}

/** Why a claim waits for staff unpriced: its engagement version has no valid rate card to check it against. */
export const NO_RATE_CARD = 'no_rate_card';

/** Inserts the bundle's claim, if it has one; a second call for the same bundle does nothing. */
export async function storeClaim(tx: Transaction<DB>, payload: BundlePayload, serverKey: ServerKey, at: StoredBundle): Promise<void> {
  const claim = payload.claim as Claim | undefined;
  if (!claim) return;
  const exists = await tx.selectFrom('claims').select('id').where('id', '=', payload.id).executeTakeFirst();
  if (exists) return;
  const ev = await versionCard(tx, payload.engagementVersionId);
  if (!ev) return;
  const { card, engagementId } = ev;

  // earlier claims of this person (same reference code) in the same session, and receipts already seen
  const earlier = payload.sessionId
    ? await tx
        .selectFrom('claim_lines')
        .innerJoin('claims', 'claims.id', 'claim_lines.claim_id')
        .select(['claim_lines.category', 'claim_lines.amount_pence'])
        .where('claims.session_id', '=', payload.sessionId)
        .where('claims.reference_code', '=', payload.referenceCode)
        .execute()
    : [];
  const hashes = claim.lines.flatMap((l) => (l.receiptSha256 ? [l.receiptSha256] : []));
  const seen =
    hashes.length > 0
      ? await tx.selectFrom('claim_lines').select('receipt_image_sha256').where('receipt_image_sha256', 'in', hashes).execute()
      : [];
  const ctx = {
    earlier: earlier.map((e) => ({ category: e.category as Claim['lines'][number]['category'], amountPence: Number(e.amount_pence) })),
    seenReceipts: new Set(seen.map((s) => s.receipt_image_sha256 as string)),
  };

  const lines = claim.lines.map((l, idx) => ({
    claim_id: payload.id,
    idx,
    category: l.category as string,
    detail_json: JSON.stringify(l),
    amount_pence: l.amountPence,
    approved_pence: null,
    status: 'pending' as const,
    reason: null,
    receipt_sha256: l.receipt !== undefined ? (payload.attachments[l.receipt]?.sha256 ?? null) : null,
    receipt_image_sha256: l.receiptSha256 ?? null,
    warnings_json: JSON.stringify((card ? lineWarnings(card, l, idx, claim.lines, ctx) : []) satisfies Warning[]),
  }));
  const time = claim.time;
  if (time && time.amountPence > 0 && (time.choice === 'accept' || time.choice === 'reduce')) {
    lines.push(timeLine(payload.id, lines.length, time, card));
  }

  const p = claim.payment;
  const cash = p.method === 'cash';
  const bank: BankDetails | null =
    p.method === 'bank' ? { accountName: p.accountName, sortCode: p.sortCode, accountNumber: p.accountNumber } : null;
  const publicPayment = p.method === 'bank' ? { method: 'bank' } : p;
  await tx
    .insertInto('claims')
    .values({
      id: payload.id,
      engagement_id: engagementId,
      engagement_version_id: payload.engagementVersionId,
      device_id: at.deviceId,
      session_id: payload.sessionId ?? null,
      reference_code: payload.referenceCode,
      status: cash ? 'paid_on_day' : 'submitted',
      claimed_pence: claimTotal(lines.map((l) => ({ amountPence: l.amount_pence }))),
      approved_pence: cash ? p.handedOverPence : 0,
      payment_method: p.method,
      bank_sealed: bank ? serverKey.seal(JSON.stringify(bank), BANK_CONTEXT(payload.id)) : null,
      bank_last4: bank ? bank.accountNumber.slice(-4) : null,
      payment_json: JSON.stringify(publicPayment),
      declaration_json: JSON.stringify(claim.declaration),
      time_choice: time?.choice ?? null,
      late: card && isLate(card, claim.at, at.sessionAt) ? 1 : 0,
      claimed_at: new Date(claim.at).toISOString(),
      received_at: at.receivedAt,
      needs_second: 0,
      first_approver: null,
      second_approver: null,
      payment_run_id: null,
      paid_at: cash ? new Date(claim.at).toISOString() : null,
      bank_purged_at: null,
      updated_at: at.receivedAt,
      // kept, never lost, and never priced with a default card: staff decide what to do with it
      held_reason: card ? null : NO_RATE_CARD,
    })
    .execute();
  if (lines.length > 0) await tx.insertInto('claim_lines').values(lines).execute();
  await audit(tx, {
    actor: `device:${at.deviceId}`,
    action: cash ? 'claim.paid_on_day' : 'claim.submitted',
    subject: `claim:${payload.id}`,
    reason: card ? null : 'Held for staff: the engagement version has no valid rate card',
    at: at.receivedAt,
  });
}

function timeLine(claimId: string, idx: number, time: NonNullable<Claim['time']>, card: RateCard | null) {
  return {
    claim_id: claimId,
    idx,
    category: TIME_CATEGORY,
    detail_json: JSON.stringify(time),
    amount_pence: time.amountPence,
    approved_pence: null,
    status: 'pending' as const,
    reason: null,
    receipt_sha256: null,
    receipt_image_sha256: null,
    // more than the engagement offers for time is flagged for finance, as any cap
    warnings_json: JSON.stringify(card && time.amountPence > card.timePaymentPence ? ['over_cap'] : []),
  };
}

/** A session reported after its bundles: its date now decides which of its claims are late. */
export async function markLateClaims(tx: Kysely<DB> | Transaction<DB>, sessionId: string, sessionAt: string): Promise<void> {
  const claims = await tx
    .selectFrom('claims')
    .select(['id', 'engagement_version_id', 'claimed_at', 'late'])
    .where('session_id', '=', sessionId)
    .execute();
  for (const c of claims) {
    const card = (await versionCard(tx, c.engagement_version_id))?.card;
    const late = card && isLate(card, c.claimed_at, sessionAt) ? 1 : 0;
    if (late !== Number(c.late)) await tx.updateTable('claims').set({ late }).where('id', '=', c.id).execute();
  }
}
