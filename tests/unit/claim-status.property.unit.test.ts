/**
 * Property (DESIGN.md, Claim states, "one writer"): any sequence of finance, erasure and payment actions,
 * allowed or refused, leaves every claim in a state the transition table allows, and its audit log holds
 * exactly one entry per change of status: read in order, the entries chain from `submitted` to the
 * claim's status now, each step one the table permits.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/server/errors';
import { eraseByReference } from '../../src/server/services/erasure';
import { decideLines, secondApprove, withdraw } from '../../src/server/services/finance';
import { createPaymentRun, recordOutcomes } from '../../src/server/services/payment-runs';
import { CLAIM_STATES, type ClaimState, canMove, type LineDecision } from '../../src/shared/claims';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { bankClaim, sendClaim } from '../support/claims';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
  await publishRateCard(s);
});
afterAll(async () => {
  await s.close();
});

const who = fc.constantFrom('staff:fin-a@example.org', 'staff:fin-b@example.org');
const claimIdx = fc.nat(2);
// weighted towards approving and paying, so sequences reach runs, failures and erasure after approval
const decision = fc.constantFrom<LineDecision>('approve', 'approve', 'approve', 'reduce', 'query', 'reject');
const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      claim: claimIdx,
      who,
      decisions: fc.array(decision, { minLength: 2, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('second' as const), claim: claimIdx, who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), claim: claimIdx, who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('run' as const), who }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('outcome' as const), claim: claimIdx, who, paid: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), claim: claimIdx, who }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

async function apply(a: Action, claims: { id: string; code: string }[]) {
  const db = s.database.db;
  const c = 'claim' in a ? claims[a.claim] : undefined;
  const id = c?.id ?? '';
  switch (a.kind) {
    case 'decide':
      return decideLines(
        db,
        id,
        a.who,
        a.decisions.map((decision, idx) => ({
          idx,
          decision,
          reason: 'because',
          ...(decision === 'reduce' ? { reducedToPence: 100 } : {}),
        })),
      );
    case 'second':
      return secondApprove(db, id, a.who);
    case 'withdraw':
      return withdraw(db, id, a.who, 'asked to');
    case 'run':
      return createPaymentRun(db, s.serverKey, a.who);
    case 'outcome': {
      const row = await db
        .selectFrom('payment_run_claims')
        .selectAll()
        .where('claim_id', '=', id)
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (!row) return;
      return recordOutcomes(db, row.run_id, a.who, [{ claimId: id, outcome: a.paid ? 'paid' : 'failed', reason: 'Account closed' }]);
    }
    case 'erase':
      return eraseByReference(db, c?.code ?? '', a.who, 'asked by phone');
  }
}

/** The claim's status changes from its audit log, in order (moves made in one action share a time: chain them). */
async function chain(id: string) {
  const rows = await s.database.db
    .selectFrom('audit_events')
    .select(['at', 'detail_json'])
    .where('subject', '=', `claim:${id}`)
    .where('action', 'like', 'claim.%')
    .orderBy('at')
    .execute();
  const moves = rows
    .map((r) => ({ at: r.at, ...(JSON.parse(r.detail_json ?? '{}') as { from?: ClaimState; to?: ClaimState }) }))
    .filter((m): m is { at: string; from: ClaimState; to: ClaimState } => !!m.from && !!m.to && m.from !== m.to);
  const out: typeof moves = [];
  let at: ClaimState = 'submitted';
  while (moves.length) {
    const earliest = moves[0]?.at;
    const i = moves.findIndex((m) => m.at === earliest && m.from === at);
    if (i < 0) return { path: out, broken: moves };
    const [m] = moves.splice(i, 1);
    out.push(m as (typeof moves)[number]);
    at = (m as (typeof moves)[number]).to;
  }
  return { path: out, broken: [], end: at };
}

describe('claim status: one writer', () => {
  it('property: states stay within the table, with exactly one audit entry per change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const claims: { id: string; code: string }[] = [];
        for (const amounts of [
          [420, 625],
          [15_000, 300],
          [900, 100],
        ]) {
          const id = await sendClaim(s, bankClaim('Ann Example', '089999', '66374958', amounts));
          const row = await s.database.db.selectFrom('claims').select('reference_code').where('id', '=', id).executeTakeFirstOrThrow();
          claims.push({ id, code: row.reference_code });
        }
        for (const a of actions) {
          // refusals are answers too (409 wrong state, 403 same approver, 404/410 already erased); nothing else may throw
          await apply(a, claims).catch((err: unknown) => {
            if (!(err instanceof HttpError) || err.statusCode >= 500) throw err;
          });
        }
        for (const c of claims) {
          const row = await s.database.db.selectFrom('claims').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
          expect(CLAIM_STATES).toContain(row.status);
          const { path, broken, end } = await chain(c.id);
          expect(broken, `claim ${c.id}: audit entries that do not follow on`).toEqual([]);
          expect(end).toBe(row.status);
          for (const m of path) expect(canMove(m.from, m.to), `${m.from} → ${m.to}`).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
