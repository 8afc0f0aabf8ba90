/**
 * Payment runs as records (DESIGN.md PaymentRun): made by whom and when, in which format, open → sent (its
 * bank file went out) → settled (every claim has an outcome). Each claim of a run is paid or failed, with
 * the bank's reason; a failed claim goes back to the approved state it had. Claim status moves go through
 * moveClaim; every step is audited.
 */
import type { Kysely, Transaction } from 'kysely';
import { APPROVED_STATES, type ApprovedState } from '../../shared/claims';
import type { RunFormat, RunOutcome } from '../../shared/payment-runs';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import type { ServerKey } from '../keys';
import { audit } from './audit';
import { modulusOk, type Originator } from './bacs';
import { conflict, moveClaim } from './claim-status';
import { bacsNotSet, openBank, runFile } from './payment-run-files';

const runNotFound = () => new HttpError(404, 'not_found', 'There is no payment run with that id.');

/** Takes every approved bank-transfer claim ready to pay into a new run; answers the run and its bank file. */
export async function createPaymentRun(
  db: Kysely<DB>,
  serverKey: ServerKey,
  actor: string,
  format: RunFormat = 'csv',
  originator?: Originator,
) {
  if (format === 'bacs18' && !originator) throw bacsNotSet();
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  const made = await db.transaction().execute(async (tx) => {
    const ready = (
      await tx
        .selectFrom('claims')
        .selectAll()
        .where('status', 'in', APPROVED_STATES)
        .where('payment_method', '=', 'bank')
        .where('bank_sealed', 'is not', null)
        .orderBy('received_at')
        .orderBy('id')
        .execute()
    ).filter((c) => c.needs_second !== 1 || c.second_approver !== null);
    // a sort code and account that fail the Vocalink check would bounce: they stay approved for finance to query
    const heldBack = ready.filter((c) => {
      const b = openBank(serverKey, c);
      return !b || !modulusOk(b.sortCode, b.accountNumber);
    });
    const paying = ready.filter((c) => !heldBack.includes(c));
    if (paying.length === 0) throw conflict('No approved bank-transfer claims are waiting to be paid.');
    const total = paying.reduce((a, c) => a + Number(c.approved_pence), 0);
    await tx
      .insertInto('payment_runs')
      .values({ id, created_by: actor, created_at: now, claim_count: paying.length, total_pence: total, format, state: 'open' })
      .execute();
    for (const c of paying) {
      await moveClaim(tx, {
        claimId: c.id,
        to: 'in_payment_run',
        from: APPROVED_STATES,
        actor,
        at: now,
        detail: { run: id },
        set: (row) => ({ payment_run_id: id, approved_status: row.status as ApprovedState }),
      });
      await tx
        .insertInto('payment_run_claims')
        .values({
          run_id: id,
          claim_id: c.id,
          amount_pence: Number(c.approved_pence),
          outcome: null,
          reason: null,
          marked_by: null,
          marked_at: null,
        })
        .execute();
    }
    await audit(tx, {
      actor,
      action: 'payment_run.created',
      subject: `payment_run:${id}`,
      at: now,
      detail: { claims: paying.length, totalPence: total, format, heldBack: heldBack.map((c) => c.reference_code) },
    });
    return {
      claimCount: paying.length,
      totalPence: total,
      heldBack: heldBack.map((c) => ({ claimId: c.id, referenceCode: c.reference_code })),
    };
  });
  const file = await runFile(db, serverKey, id, format, actor, originator);
  return { id, format, ...made, file: file.body, warnings: file.warnings, ...(format === 'csv' ? { csv: file.body } : {}) };
}

export interface OutcomeInput {
  claimId: string;
  outcome: RunOutcome;
  reason?: string;
}

/** Marks claims of a run paid or failed; the run is settled once every claim has an outcome. */
export async function recordOutcomes(db: Kysely<DB>, runId: string, actor: string, outcomes: OutcomeInput[]) {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const run = await tx.selectFrom('payment_runs').select(['id', 'state']).where('id', '=', runId).executeTakeFirst();
    if (!run) throw runNotFound();
    const rows = await tx.selectFrom('payment_run_claims').selectAll().where('run_id', '=', runId).execute();
    const seen = new Set<string>();
    for (const o of outcomes) {
      const row = rows.find((r) => r.claim_id === o.claimId);
      if (!row || seen.has(o.claimId)) throw conflict(`Claim ${o.claimId} is not in this run, or is given twice.`);
      if (row.outcome) throw conflict(`Claim ${o.claimId} of this run is already marked ${row.outcome}.`);
      if (o.outcome === 'failed' && !o.reason?.trim())
        throw new HttpError(400, 'invalid_body', 'Give the reason the bank gave for each failed payment.');
      seen.add(o.claimId);
      await markOne(tx, o, actor, now);
      await tx
        .updateTable('payment_run_claims')
        .set({ outcome: o.outcome, reason: o.outcome === 'failed' ? (o.reason?.trim() ?? null) : null, marked_by: actor, marked_at: now })
        .where('run_id', '=', runId)
        .where('claim_id', '=', o.claimId)
        .where('outcome', 'is', null)
        .execute();
    }
    const paid = outcomes.filter((o) => o.outcome === 'paid').length;
    await audit(tx, {
      actor,
      action: 'payment_run.outcomes',
      subject: `payment_run:${runId}`,
      at: now,
      detail: { paid, failed: outcomes.length - paid },
    });
    const left = rows.filter((r) => !r.outcome && !seen.has(r.claim_id)).length;
    if (left === 0 && run.state !== 'settled') {
      await tx.updateTable('payment_runs').set({ state: 'settled', settled_at: now }).where('id', '=', runId).execute();
      await audit(tx, { actor, action: 'payment_run.settled', subject: `payment_run:${runId}`, at: now });
    }
  });
}

async function markOne(tx: Transaction<DB>, o: OutcomeInput, actor: string, at: string) {
  const base = { claimId: o.claimId, actor, at, from: ['in_payment_run'] as const };
  if (o.outcome === 'paid') {
    await moveClaim(tx, { ...base, to: 'paid', set: () => ({ paid_at: at }) });
    return;
  }
  const before = await moveClaim(tx, { ...base, to: 'payment_failed', reason: o.reason ?? null });
  // back to the approved state it had: a partially approved claim is never paid in full next time
  const back: ApprovedState = before.approved_status === 'partially_approved' ? 'partially_approved' : 'approved';
  await moveClaim(tx, {
    claimId: o.claimId,
    to: back,
    from: ['payment_failed'],
    actor,
    at,
    reason: 'Returned for payment after the bank refused it',
    set: () => ({ payment_run_id: null, approved_status: null }),
  });
}

/** The bank's answer in one go: every claim still waiting in the run is paid, except those listed as failed. */
export async function recordRunResult(db: Kysely<DB>, runId: string, actor: string, failed: { claimId: string; reason: string }[]) {
  const waiting = await db
    .selectFrom('payment_run_claims')
    .select('claim_id')
    .where('run_id', '=', runId)
    .where('outcome', 'is', null)
    .execute();
  const exists = await db.selectFrom('payment_runs').select('id').where('id', '=', runId).executeTakeFirst();
  if (!exists) throw runNotFound();
  if (waiting.length === 0) throw conflict('Every claim of this run has already been marked.');
  for (const f of failed)
    if (!waiting.some((w) => w.claim_id === f.claimId)) throw conflict(`Claim ${f.claimId} is not waiting in this run.`);
  const outcomes = waiting.map((w): OutcomeInput => {
    const f = failed.find((x) => x.claimId === w.claim_id);
    return f ? { claimId: w.claim_id, outcome: 'failed', reason: f.reason } : { claimId: w.claim_id, outcome: 'paid' };
  });
  await recordOutcomes(db, runId, actor, outcomes);
}
