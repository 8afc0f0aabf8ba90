/**
 * Finding payment runs again: the list, one run with its claims (payee names for finance only; the read is
 * audited), and its bank file in either format, downloadable again at any time while the bank details are
 * kept (each download audited; the first one marks an open run sent).
 */
import type { Kysely, Selectable } from 'kysely';
import { type PaymentFailure, type RunDetail, type RunFormat, type RunSummary, ukDateTime } from '../../shared/payment-runs';
import type { DB, PaymentRunsTable } from '../db/schema';
import { HttpError } from '../errors';
import type { ServerKey } from '../keys';
import { audit } from './audit';
import { type BankLine, bacsText, bankCsv, type Originator, standard18 } from './bacs';
import { BANK_CONTEXT, type BankDetails } from './claims';

export const bacsNotSet = () =>
  new HttpError(
    409,
    'bacs_not_configured',
    'Bacs Standard 18 needs the organisation’s account: set BACS_SORT_CODE, BACS_ACCOUNT_NUMBER and BACS_ORIGINATOR_NAME.',
  );
const notFound = () => new HttpError(404, 'not_found', 'There is no payment run with that id.');

export const openBank = (serverKey: ServerKey, c: { id: string; bank_sealed: string | null }): BankDetails | null =>
  c.bank_sealed ? (JSON.parse(serverKey.open(c.bank_sealed, BANK_CONTEXT(c.id))) as BankDetails) : null;

type Outcomes = RunSummary['outcomes'];

function summary(r: Selectable<PaymentRunsTable>, names: Map<string, string>, outcomes: Outcomes | undefined): RunSummary {
  return {
    id: r.id,
    state: r.state,
    format: r.format as RunFormat,
    createdBy: r.created_by,
    createdByName: names.get(r.created_by) ?? r.created_by,
    createdAt: r.created_at,
    settledAt: r.settled_at,
    claimCount: Number(r.claim_count),
    totalPence: Number(r.total_pence),
    outcomes: outcomes ?? { paid: 0, failed: 0, waiting: Number(r.claim_count) },
  };
}

/** Staff actor ids (`staff:<email>`) → the names of their accounts. */
async function staffNames(db: Kysely<DB>, actors: string[]): Promise<Map<string, string>> {
  const emails = [...new Set(actors.filter((a) => a.startsWith('staff:')).map((a) => a.slice('staff:'.length)))];
  if (emails.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['email', 'name']).where('email', 'in', emails).execute();
  return new Map(rows.map((r) => [`staff:${r.email}`, r.name]));
}

/** Each run's claims counted by outcome (none marked yet: all waiting). */
async function outcomesOf(db: Kysely<DB>, runIds: string[]): Promise<Map<string, Outcomes>> {
  const out = new Map<string, Outcomes>();
  if (runIds.length === 0) return out;
  const rows = await db
    .selectFrom('payment_run_claims')
    .select(['run_id', 'outcome', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('run_id', 'in', runIds)
    .groupBy(['run_id', 'outcome'])
    .execute();
  for (const r of rows) {
    const o = out.get(r.run_id) ?? { paid: 0, failed: 0, waiting: 0 };
    o[r.outcome ?? 'waiting'] += Number(r.n);
    out.set(r.run_id, o);
  }
  return out;
}

export async function listRuns(db: Kysely<DB>, limit = 200): Promise<RunSummary[]> {
  const rows = await db.selectFrom('payment_runs').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  const [names, outcomes] = await Promise.all([
    staffNames(
      db,
      rows.map((r) => r.created_by),
    ),
    outcomesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => summary(r, names, outcomes.get(r.id)));
}

async function runClaims(db: Kysely<DB>, serverKey: ServerKey, runId: string) {
  const run = await db.selectFrom('payment_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound();
  const rows = await db
    .selectFrom('payment_run_claims as p')
    .innerJoin('claims as c', 'c.id', 'p.claim_id')
    .select(['p.claim_id', 'p.amount_pence', 'p.outcome', 'p.reason', 'c.reference_code', 'c.bank_sealed'])
    .where('p.run_id', '=', runId)
    .orderBy('c.received_at')
    .orderBy('p.claim_id')
    .execute();
  const claims = rows.map((r) => ({ ...r, bank: openBank(serverKey, { id: r.claim_id, bank_sealed: r.bank_sealed }) }));
  return { run, claims };
}

/** Two claims paying into one account is worth a look before the file goes to the bank. */
function sharedAccounts(claims: { reference_code: string; bank: BankDetails | null }[]): string[] {
  const by = new Map<string, string[]>();
  for (const c of claims) {
    if (!c.bank) continue;
    const k = `${c.bank.sortCode}/${c.bank.accountNumber}`;
    by.set(k, [...(by.get(k) ?? []), c.reference_code || '(erased)']);
  }
  return [...by.entries()]
    .filter(([, refs]) => refs.length > 1)
    .map(([k, refs]) => `${refs.join(', ')} are paid into the same account (sort code ${k.slice(0, 6)}, account ****${k.slice(-4)}).`);
}

/**
 * Of these claims, those whose last payment the bank refused: the latest outcome marked for each, in any run,
 * is `failed`. Such a claim is approved again (or in a new run), and would go to the same account unless
 * finance checks its bank details first.
 */
export async function lastPaymentFailures(db: Kysely<DB>, claimIds: string[]): Promise<Map<string, PaymentFailure>> {
  const out = new Map<string, PaymentFailure>();
  for (let i = 0; i < claimIds.length; i += 500) {
    const rows = await db
      .selectFrom('payment_run_claims')
      .select(['claim_id', 'run_id', 'outcome', 'reason', 'marked_at'])
      .where('claim_id', 'in', claimIds.slice(i, i + 500))
      .where('marked_at', 'is not', null)
      .orderBy('marked_at')
      .execute();
    // in the order they were marked: the last one decides
    for (const r of rows) {
      if (r.outcome === 'failed') out.set(r.claim_id, { runId: r.run_id, at: r.marked_at as string, reason: r.reason });
      else out.delete(r.claim_id);
    }
  }
  return out;
}

/** Claims of this run whose payment the bank refused in an earlier run: the same account may refuse it again. */
function refusedBefore(
  claims: { claim_id: string; reference_code: string }[],
  failures: Map<string, PaymentFailure>,
  runId: string,
): string[] {
  return claims.flatMap((c) => {
    const f = failures.get(c.claim_id);
    if (!f || f.runId === runId) return [];
    const why = f.reason ? ` (${f.reason})` : '';
    return [
      `the bank refused ${c.reference_code || '(erased)'} in an earlier run on ${ukDateTime(f.at)}${why}. Check its bank details with the participant.`,
    ];
  });
}

export async function getRun(db: Kysely<DB>, serverKey: ServerKey, runId: string, actor: string): Promise<RunDetail> {
  const { run, claims } = await runClaims(db, serverKey, runId);
  const [failures, names] = await Promise.all([
    lastPaymentFailures(
      db,
      claims.map((c) => c.claim_id),
    ),
    staffNames(db, [run.created_by]),
  ]);
  await audit(db, { actor, action: 'payment_run.read', subject: `payment_run:${runId}`, at: new Date().toISOString() });
  // the run's own claims carry their outcomes: counted here, not read again
  const outcomes: Outcomes = { paid: 0, failed: 0, waiting: 0 };
  for (const c of claims) outcomes[c.outcome ?? 'waiting']++;
  return {
    ...summary(run, names, outcomes),
    claims: claims.map((c) => ({
      claimId: c.claim_id,
      referenceCode: c.reference_code,
      payee: c.bank ? bacsText(c.bank.accountName) : null,
      amountPence: Number(c.amount_pence),
      outcome: c.outcome,
      reason: c.reason,
    })),
    warnings: [...sharedAccounts(claims), ...refusedBefore(claims, failures, runId)],
  };
}

/** The run's bank file; refused once any of its bank details were purged or erased (they cannot come back). */
export async function runFile(
  db: Kysely<DB>,
  serverKey: ServerKey,
  runId: string,
  format: RunFormat,
  actor: string,
  originator?: Originator,
) {
  const { run, claims } = await runClaims(db, serverKey, runId);
  if (format === 'bacs18' && !originator) throw bacsNotSet();
  const gone = claims.filter((c) => !c.bank).map((c) => c.reference_code || '(erased)');
  if (gone.length)
    throw new HttpError(
      410,
      'bank_details_gone',
      `The bank details of ${gone.join(', ')} were removed after payment or on erasure; this file cannot be made again.`,
    );
  const lines: BankLine[] = claims.map((c) => {
    const b = c.bank as BankDetails;
    return {
      payee: b.accountName,
      sortCode: b.sortCode,
      accountNumber: b.accountNumber,
      amountPence: Number(c.amount_pence),
      reference: `BLETHER ${c.reference_code}`,
    };
  });
  const body = format === 'bacs18' ? standard18(lines, originator as Originator) : bankCsv(lines);
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await audit(tx, {
      actor,
      action: 'payment_run.exported',
      subject: `payment_run:${runId}`,
      at: now,
      detail: { format, claims: lines.length },
    });
    if (run.state === 'open')
      await tx.updateTable('payment_runs').set({ state: 'sent' }).where('id', '=', runId).where('state', '=', 'open').execute();
  });
  return { body, warnings: sharedAccounts(claims) };
}
