/**
 * Paying claims: purging bank details a set number of days after payment, cash floats per
 * session, and totals per engagement. Each step writes an audit event.
 */
import type { Kysely } from 'kysely';
import { floatDifference } from '../../shared/claims';
import { penceToDecimal } from '../../shared/money';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { toCsv } from '../insight/csv';
import { audit } from './audit';
import { conflict, moveClaim } from './claim-status';
import { reportedFloat } from './sessions';

export const DEFAULT_BANK_RETENTION_DAYS = 30;

export { createPaymentRun, recordRunResult } from './payment-runs';

/** Removes bank details of claims paid more than `days` ago; an audit entry for each. Takes `now` so it can be tested. */
export async function purgeBankDetails(db: Kysely<DB>, now: Date, days = DEFAULT_BANK_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const at = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('claims')
      .select('id')
      .where('bank_sealed', 'is not', null)
      .where('paid_at', 'is not', null)
      .where('paid_at', '<=', cutoff)
      .execute();
    for (const c of due) {
      await tx.updateTable('claims').set({ bank_sealed: null, bank_purged_at: at, updated_at: at }).where('id', '=', c.id).execute();
      await audit(tx, {
        actor: 'system',
        action: 'claim.bank_details_purged',
        subject: `claim:${c.id}`,
        reason: `${days} days after payment`,
        at,
      });
    }
    return due.length;
  });
}

/** What the facilitator was given and brought back for a session's cash float. */
export async function recordFloat(db: Kysely<DB>, sessionId: string, actor: string, issuedPence: number, returnedPence: number) {
  const now = new Date().toISOString();
  await db
    .insertInto('cash_floats')
    .values({
      session_id: sessionId,
      issued_pence: issuedPence,
      returned_pence: returnedPence,
      recorded_by: actor,
      recorded_at: now,
      reconciled_by: null,
      reconciled_at: null,
    })
    .onConflict((oc) =>
      oc
        .column('session_id')
        .doUpdateSet({ issued_pence: issuedPence, returned_pence: returnedPence, recorded_by: actor, recorded_at: now }),
    )
    .execute();
  await audit(db, { actor, action: 'float.recorded', subject: `session:${sessionId}`, at: now, detail: { issuedPence, returnedPence } });
}

/** Issued, paid out (cash claims of the session), returned, difference. */
export async function floatReport(db: Kysely<DB>, sessionId: string) {
  const f = await db.selectFrom('cash_floats').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  const cash = await db
    .selectFrom('claims')
    .select(['id', 'status', 'approved_pence', 'reference_code'])
    .where('session_id', '=', sessionId)
    .where('payment_method', '=', 'cash')
    .execute();
  const paidOut = cash.reduce((a, c) => a + Number(c.approved_pence), 0);
  const issued = f ? Number(f.issued_pence) : 0;
  const returned = f ? Number(f.returned_pence) : 0;
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  return {
    sessionId,
    session: session
      ? { venue: session.venue, date: session.date, attendance: session.attendance, reported: reportedFloat(session) }
      : null,
    recorded: !!f,
    issuedPence: issued,
    paidOutPence: paidOut,
    returnedPence: returned,
    differencePence: floatDifference(issued, paidOut, returned),
    reconciledAt: f?.reconciled_at ?? null,
    claims: cash.map((c) => ({ id: c.id, referenceCode: c.reference_code, status: c.status, pence: Number(c.approved_pence) })),
  };
}

/** Marks a balanced float reconciled, and its cash claims with it; a difference needs a reason. */
export async function reconcileFloat(db: Kysely<DB>, sessionId: string, actor: string, reason: string | undefined) {
  const r = await floatReport(db, sessionId);
  if (!r.recorded) throw conflict('Record what was issued and returned for this session first.');
  if (r.reconciledAt) throw conflict('This float is already reconciled.');
  if (r.differencePence !== 0 && !reason?.trim())
    throw new HttpError(400, 'invalid_body', 'The float does not balance: give a reason to reconcile it anyway.');
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('cash_floats').set({ reconciled_by: actor, reconciled_at: now }).where('session_id', '=', sessionId).execute();
    for (const c of r.claims.filter((x) => x.status === 'paid_on_day'))
      await moveClaim(tx, { claimId: c.id, to: 'reconciled', from: ['paid_on_day'], actor, at: now, detail: { session: sessionId } });
    await audit(tx, { actor, action: 'float.reconciled', subject: `session:${sessionId}`, reason: reason ?? null, at: now, detail: r });
  });
  return floatReport(db, sessionId);
}

const PAID = new Set(['paid', 'paid_on_day', 'reconciled']);
const APPROVED = new Set(['approved', 'partially_approved', 'in_payment_run', ...PAID]);

/** Claimed, approved and paid per engagement, by category and by payment method. */
export async function totals(db: Kysely<DB>, engagementId: string) {
  const rows = await db
    .selectFrom('claim_lines')
    .innerJoin('claims', 'claims.id', 'claim_lines.claim_id')
    .select(['claim_lines.category', 'claim_lines.amount_pence', 'claim_lines.approved_pence', 'claims.status', 'claims.payment_method'])
    .where('claims.engagement_id', '=', engagementId)
    .where('claims.status', '!=', 'withdrawn')
    .execute();
  type T = { claimedPence: number; approvedPence: number; paidPence: number };
  const add = (m: Map<string, T>, k: string, claimed: number, approved: number, paid: number) => {
    const t = m.get(k) ?? { claimedPence: 0, approvedPence: 0, paidPence: 0 };
    t.claimedPence += claimed;
    t.approvedPence += approved;
    t.paidPence += paid;
    m.set(k, t);
  };
  const byCategory = new Map<string, T>();
  const byMethod = new Map<string, T>();
  const all = new Map<string, T>();
  for (const r of rows) {
    const cash = PAID.has(r.status) && r.payment_method === 'cash';
    const approved = cash ? Number(r.amount_pence) : APPROVED.has(r.status) ? Number(r.approved_pence ?? 0) : 0;
    const paid = PAID.has(r.status) ? approved : 0;
    for (const [m, k] of [
      [byCategory, r.category],
      [byMethod, r.payment_method],
      [all, 'all'],
    ] as const)
      add(m, k, Number(r.amount_pence), approved, paid);
  }
  return {
    total: all.get('all') ?? { claimedPence: 0, approvedPence: 0, paidPence: 0 },
    byCategory: Object.fromEntries(byCategory),
    byMethod: Object.fromEntries(byMethod),
  };
}

export function totalsCsv(t: Awaited<ReturnType<typeof totals>>): string {
  const out = (g: string, k: string, v: { claimedPence: number; approvedPence: number; paidPence: number }) => [
    g,
    k,
    penceToDecimal(v.claimedPence),
    penceToDecimal(v.approvedPence),
    penceToDecimal(v.paidPence),
  ];
  return toCsv(
    ['group', 'name', 'claimed', 'approved', 'paid'],
    [
      out('total', 'all', t.total),
      ...Object.entries(t.byCategory).map(([k, v]) => out('category', k, v)),
      ...Object.entries(t.byMethod).map(([k, v]) => out('method', k, v)),
    ],
  );
}
