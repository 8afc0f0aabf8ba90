/**
 * Paying claims: payment runs (approved bank-transfer claims as a CSV for a bank's bulk upload), marking a
 * run's claims paid or failed, purging bank details a set number of days after payment, cash floats per
 * session, and totals per engagement. Each step writes an audit event.
 */
import type { Kysely } from 'kysely';
import { floatDifference } from '../../shared/claims';
import { penceToDecimal } from '../../shared/money';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { csvCell, toCsv } from '../insight/csv';
import type { ServerKey } from '../keys';
import { audit } from './audit';
import { BANK_CONTEXT, type BankDetails } from './claims';
import { conflict } from './finance';
import { reportedFloat } from './sessions';

export const DEFAULT_BANK_RETENTION_DAYS = 30;

/** Bank bulk-upload files: plain CSV rows, no byte-order mark (bank portals reject one); cells made inert. */
export const csvRow = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Takes every approved bank-transfer claim ready to pay into a new run, and returns the bank's CSV. */
export async function createPaymentRun(db: Kysely<DB>, serverKey: ServerKey, actor: string) {
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  return db.transaction().execute(async (tx) => {
    const ready = (
      await tx
        .selectFrom('claims')
        .selectAll()
        .where('status', 'in', ['approved', 'partially_approved'])
        .where('payment_method', '=', 'bank')
        .where('bank_sealed', 'is not', null)
        .orderBy('received_at')
        .execute()
    ).filter((c) => c.needs_second !== 1 || c.second_approver !== null);
    if (ready.length === 0) throw conflict('No approved bank-transfer claims are waiting to be paid.');
    let csv = csvRow(['payee', 'sort_code', 'account_number', 'amount', 'reference']);
    let total = 0;
    for (const c of ready) {
      const bank = JSON.parse(serverKey.open(c.bank_sealed as string, BANK_CONTEXT(c.id))) as BankDetails;
      const amount = Number(c.approved_pence);
      total += amount;
      csv += csvRow([bank.accountName, bank.sortCode, bank.accountNumber, penceToDecimal(amount), `BLETHER ${c.reference_code}`]);
    }
    await tx
      .insertInto('payment_runs')
      .values({ id, created_by: actor, created_at: now, claim_count: ready.length, total_pence: total })
      .execute();
    await tx
      .updateTable('claims')
      .set({ status: 'in_payment_run', payment_run_id: id, updated_at: now })
      .where(
        'id',
        'in',
        ready.map((c) => c.id),
      )
      .execute();
    for (const c of ready)
      await audit(tx, { actor, action: 'claim.in_payment_run', subject: `claim:${c.id}`, at: now, detail: { run: id } });
    await audit(tx, {
      actor,
      action: 'payment_run.exported',
      subject: `payment_run:${id}`,
      at: now,
      detail: { claims: ready.length, totalPence: total },
    });
    return { id, claimCount: ready.length, totalPence: total, csv };
  });
}

/** The bank's answer: claims of a run paid, or failed (back to approved, with the reason). */
export async function recordRunResult(db: Kysely<DB>, runId: string, actor: string, failed: { claimId: string; reason: string }[]) {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const claims = await tx.selectFrom('claims').select(['id', 'status', 'approved_pence']).where('payment_run_id', '=', runId).execute();
    if (claims.length === 0) throw new HttpError(404, 'not_found', 'There is no payment run with that id.');
    const waiting = claims.filter((c) => c.status === 'in_payment_run');
    if (waiting.length === 0) throw conflict('Every claim of this run has already been marked.');
    for (const f of failed) if (!waiting.some((c) => c.id === f.claimId)) throw conflict(`Claim ${f.claimId} is not waiting in this run.`);
    for (const c of waiting) {
      const failure = failed.find((f) => f.claimId === c.id);
      await tx
        .updateTable('claims')
        .set(failure ? { status: 'approved', payment_run_id: null, updated_at: now } : { status: 'paid', paid_at: now, updated_at: now })
        .where('id', '=', c.id)
        .execute();
      if (failure) await audit(tx, { actor, action: 'claim.payment_failed', subject: `claim:${c.id}`, reason: failure.reason, at: now });
      else
        await audit(tx, {
          actor,
          action: 'claim.paid',
          subject: `claim:${c.id}`,
          at: now,
          detail: { amountPence: Number(c.approved_pence) },
        });
    }
  });
}

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
    await tx
      .updateTable('claims')
      .set({ status: 'reconciled', updated_at: now })
      .where('session_id', '=', sessionId)
      .where('status', '=', 'paid_on_day')
      .execute();
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
