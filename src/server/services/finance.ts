/**
 * Finance review of claims: lists, one claim (bank details unsealed for finance only, and that read is
 * audited), per-line decisions with reasons, the claim state machine, and a second approver above the
 * rate card's threshold. Every change writes an audit event (who, when, why).
 */
import type { Kysely, Selectable } from 'kysely';
import {
  APPROVED_STATES,
  type ClaimState,
  decideLine,
  type LineDecision,
  maskAccount,
  needsSecondApprover,
  reviewState,
  WITHDRAWABLE_BY_STAFF,
} from '../../shared/claims';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import type { ServerKey } from '../keys';
import { audit } from './audit';
import { conflict, moveClaim, notFound } from './claim-status';
import { BANK_CONTEXT, type BankDetails, versionCard } from './claims';
import { withNames } from './finance-names';
import { lastPaymentFailures } from './payment-run-files';

const num = (n: number | string | bigint | null) => (n === null ? null : Number(n));

export { conflict, notFound };

export interface ClaimFilter {
  engagementId?: string;
  sessionId?: string;
  status?: ClaimState;
}

export async function listClaims(db: Kysely<DB>, f: ClaimFilter) {
  let q = db.selectFrom('claims').selectAll().orderBy('received_at', 'desc').limit(500);
  if (f.engagementId) q = q.where('engagement_id', '=', f.engagementId);
  if (f.sessionId) q = q.where('session_id', '=', f.sessionId);
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q.execute();
  const failures = await lastPaymentFailures(
    db,
    rows.map((r) => r.id),
  );
  return withNames(
    db,
    rows.map((r) => ({ ...summary(r), versionId: r.engagement_version_id, paymentFailed: failures.get(r.id) ?? null })),
  );
}

function summary(r: Selectable<DB['claims']>) {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    sessionId: r.session_id,
    referenceCode: r.reference_code,
    status: r.status,
    claimedPence: num(r.claimed_pence) as number,
    approvedPence: num(r.approved_pence) as number,
    paymentMethod: r.payment_method,
    account: r.bank_last4 ? maskAccount(r.bank_last4) : null,
    late: r.late === 1,
    heldReason: r.held_reason,
    needsSecond: r.needs_second === 1 && !r.second_approver,
    receivedAt: r.received_at,
  };
}

/** One claim with its lines. `reveal` unseals the bank details (finance only) and audits the read. */
export async function getClaim(db: Kysely<DB>, serverKey: ServerKey, id: string, reveal: { actor: string } | null) {
  const c = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const lines = await db.selectFrom('claim_lines').selectAll().where('claim_id', '=', id).orderBy('idx').execute();
  let bank: BankDetails | null = null;
  if (reveal && c.bank_sealed) bank = JSON.parse(serverKey.open(c.bank_sealed, BANK_CONTEXT(id))) as BankDetails;
  // names, addresses and reasons are personal data too, so every staff view of a claim is audited
  if (reveal) {
    const action = bank ? 'claim.bank_details_read' : 'claim.read';
    await audit(db, { actor: reveal.actor, action, subject: `claim:${id}`, at: new Date().toISOString() });
  }
  const events = await db.selectFrom('audit_events').selectAll().where('subject', '=', `claim:${id}`).orderBy('at').execute();
  const failed = (await lastPaymentFailures(db, [id])).get(id) ?? null;
  const [named] = await withNames(db, [{ ...summary(c), versionId: c.engagement_version_id, paymentFailed: failed }]);
  return {
    ...named,
    payment: JSON.parse(c.payment_json) as unknown,
    declaration: JSON.parse(c.declaration_json) as unknown,
    timeChoice: c.time_choice,
    bank: bank ?? (c.bank_last4 ? { masked: maskAccount(c.bank_last4) } : null),
    bankPurgedAt: c.bank_purged_at,
    firstApprover: c.first_approver,
    secondApprover: c.second_approver,
    lines: lines.map((l) => ({
      idx: l.idx,
      category: l.category,
      detail: JSON.parse(l.detail_json) as unknown,
      amountPence: num(l.amount_pence) as number,
      approvedPence: num(l.approved_pence),
      status: l.status,
      reason: l.reason,
      hasReceipt: l.receipt_sha256 !== null,
      warnings: JSON.parse(l.warnings_json) as string[],
    })),
    audit: events.map((e) => ({ actor: e.actor, action: e.action, reason: e.reason, at: e.at })),
  };
}

export interface LineDecisionInput {
  idx: number;
  decision: LineDecision;
  reason?: string;
  reducedToPence?: number;
}

/** Applies line decisions in one transaction; the claim's state and approved total follow from its lines. */
export async function decideLines(db: Kysely<DB>, id: string, actor: string, decisions: LineDecisionInput[]) {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound();
    const lines = await tx.selectFrom('claim_lines').selectAll().where('claim_id', '=', id).orderBy('idx').execute();
    for (const d of decisions) {
      const line = lines.find((l) => l.idx === d.idx);
      if (!line) throw new HttpError(400, 'invalid_body', `This claim has no line ${d.idx}.`);
      const r = decideLine(num(line.amount_pence) as number, d.decision, d.reason, d.reducedToPence);
      if (!r.ok) throw new HttpError(400, 'invalid_body', r.message);
      await tx
        .updateTable('claim_lines')
        .set({ status: r.state, approved_pence: r.approvedPence, reason: d.reason?.trim() || null })
        .where('claim_id', '=', id)
        .where('idx', '=', d.idx)
        .execute();
      Object.assign(line, { status: r.state, approved_pence: r.approvedPence });
      await audit(tx, {
        actor,
        action: `line.${d.decision}`,
        subject: `claim:${id}`,
        reason: d.reason ?? null,
        at: now,
        detail: { line: d.idx, approvedPence: r.approvedPence },
      });
    }
    const next = reviewState(lines.map((l) => l.status));
    const approved = lines.reduce((a, l) => a + (num(l.approved_pence) ?? 0), 0);
    const ev = await versionCard(tx, c.engagement_version_id);
    // with no rate card there is no threshold to trust: a second person always looks
    const second = !ev?.card || needsSecondApprover(ev.card, approved) ? 1 : 0;
    await moveClaim(tx, {
      claimId: id,
      to: next,
      actor,
      at: now,
      detail: { approvedPence: approved },
      set: () => ({ approved_pence: approved, needs_second: second, first_approver: actor, second_approver: null }),
    });
  });
}

/** A second finance person confirms an approval above the threshold; never the first approver. */
export async function secondApprove(db: Kysely<DB>, id: string, actor: string) {
  const c = await db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  await moveClaim(db, {
    claimId: id,
    to: c.status,
    from: APPROVED_STATES,
    actor,
    at: new Date().toISOString(),
    action: 'claim.second_approval',
    check: (row) =>
      row.needs_second !== 1 || row.second_approver
        ? conflict('This claim does not need a second approver.')
        : row.first_approver === actor
          ? new HttpError(403, 'same_approver', 'A second approver must be someone other than the first.')
          : null,
    set: () => ({ second_approver: actor }),
  });
}

/** A claim may be withdrawn by finance before approval (after it, only erasure withdraws it). */
export async function withdraw(db: Kysely<DB>, id: string, actor: string, reason: string) {
  await moveClaim(db, { claimId: id, to: 'withdrawn', from: WITHDRAWABLE_BY_STAFF, actor, reason, at: new Date().toISOString() });
}
