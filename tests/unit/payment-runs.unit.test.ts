/**
 * Payment runs as records: made over HTTP by finance, found again (list, one run), the bank file downloaded
 * again in both formats (audited), outcomes per claim until the run is settled. A partially approved claim
 * whose payment fails comes back partially approved, and the next run pays only what was approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideLines } from '../../src/server/services/finance';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { bankClaim, sendClaim } from '../support/claims';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let fin: Awaited<ReturnType<typeof staffCookie>>;
beforeAll(async () => {
  s = await startTestApp({ BACS_SORT_CODE: '202959', BACS_ACCOUNT_NUMBER: '63748472', BACS_ORIGINATOR_NAME: 'Blether Council' });
  await publishRateCard(s);
  fin = await staffCookie(s, ['finance']);
});
afterAll(async () => {
  await s.close();
});

async function call(method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await s.app.inject({
    method,
    url,
    headers: { cookie: fin.cookie, origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return res;
}

const status = async (id: string) =>
  s.database.db.selectFrom('claims').select(['status', 'approved_pence']).where('id', '=', id).executeTakeFirstOrThrow();
const exported = async () =>
  (await s.database.db.selectFrom('audit_events').select('detail_json').where('action', '=', 'payment_run.exported').execute()).map(
    (e) => JSON.parse(e.detail_json ?? '{}').format,
  );

describe('payment runs', () => {
  let partial: string;
  let full: string;
  let shared: string;
  let badAccount: string;
  let runId: string;

  it('a run takes approved bank claims (not one failing the modulus check) and gives a Standard 18 file', async () => {
    // sort codes and accounts from Vocalink's published test cases, so the modulus check passes (or fails)
    partial = await sendClaim(s, bankClaim('Zoë Ørsted-Brontë (Mrs)', '089999', '66374958', [420, 625]));
    full = await sendClaim(s, bankClaim('Ann Example', '107999', '88837491', [1000]));
    shared = await sendClaim(s, bankClaim('Zoe Orsted', '089999', '66374958', [300]));
    badAccount = await sendClaim(s, bankClaim('Bob Typo', '089999', '66374959', [500]));
    await decideLines(s.database.db, partial, 'fin-a', [
      { idx: 0, decision: 'approve' },
      { idx: 1, decision: 'reject', reason: 'No receipt' },
    ]);
    for (const id of [full, shared, badAccount]) await decideLines(s.database.db, id, 'fin-a', [{ idx: 0, decision: 'approve' }]);
    expect((await status(partial)).status).toBe('partially_approved');

    const res = await call('POST', '/api/finance/payment-runs', { format: 'bacs18' });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    runId = run.id;
    expect(run.claimCount).toBe(3);
    expect(run.totalPence).toBe(420 + 1000 + 300);
    expect(run.heldBack.map((h: { claimId: string }) => h.claimId)).toEqual([badAccount]);
    expect((await status(badAccount)).status).toBe('approved');

    const records: string[] = run.file.split('\r\n').filter(Boolean);
    expect(records.every((r) => r.length === 100)).toBe(true);
    const payments = records.filter((r) => r.slice(15, 17) === '99');
    const [contra] = records.filter((r) => r.slice(15, 17) === '17');
    expect(payments).toHaveLength(3);
    expect(records).toHaveLength(4);
    const pence = (r: string) => Number(r.slice(35, 46));
    expect(payments.reduce((a, r) => a + pence(r), 0)).toBe(1720);
    expect(pence(contra as string)).toBe(1720);
    expect(contra?.slice(0, 14)).toBe('20295963748472');
    const zoe = payments.find((r) => r.slice(82) === 'ZOE ORSTED-BRONTE ');
    expect(zoe?.slice(0, 14)).toBe('08999966374958');
    expect(zoe?.slice(17, 31)).toBe('20295963748472');
    expect(zoe?.slice(46, 64)).toBe('BLETHER COUNCIL   ');
    expect(pence(zoe as string)).toBe(420);
  });

  it('runs can be found again: the list, one run with reference codes and payees, the file in both formats', async () => {
    const list = await call('GET', '/api/finance/payment-runs');
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.json().runs[0]).toMatchObject({
      id: runId,
      state: 'sent',
      format: 'bacs18',
      createdBy: fin.actor,
      // the account's name (these test accounts are named by their address), not the actor id
      createdByName: fin.actor.replace(/^staff:/, ''),
      claimCount: 3,
      totalPence: 1720,
      outcomes: { paid: 0, failed: 0, waiting: 3 },
    });

    const one = await call('GET', `/api/finance/payment-runs/${runId}`);
    expect(one.headers['cache-control']).toBe('no-store');
    const detail = one.json();
    expect(detail.claims.map((c: { payee: string }) => c.payee).sort()).toEqual(['ANN EXAMPLE', 'ZOE ORSTED', 'ZOE ORSTED-BRONTE']);
    expect(detail.claims.every((c: { referenceCode: string }) => /^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c.referenceCode))).toBe(true);
    expect(detail.warnings).toHaveLength(1);
    expect(detail.warnings[0]).toMatch(/same account/);

    const before = (await exported()).length;
    const csv = await call('GET', `/api/finance/payment-runs/${runId}/file?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = csv.body.trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).reduce((a, r) => a + Math.round(Number(r.split(',')[3]) * 100), 0)).toBe(1720);
    const bacs = await call('GET', `/api/finance/payment-runs/${runId}/file?format=bacs18`);
    expect(bacs.body.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect((await exported()).slice(before)).toEqual(['csv', 'bacs18']);
    expect((await call('GET', `/api/finance/payment-runs/${runId}/file?format=xml`)).statusCode).toBe(400);
  });

  it('outcomes per claim: a failed partially approved claim comes back partially approved; the run settles', async () => {
    const failed = await call('POST', `/api/finance/payment-runs/${runId}/outcomes`, {
      outcomes: [
        { claimId: partial, outcome: 'failed', reason: 'Account closed' },
        { claimId: full, outcome: 'paid' },
      ],
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().state).toBe('sent');
    expect(await status(partial)).toMatchObject({ status: 'partially_approved' });
    expect(Number((await status(partial)).approved_pence)).toBe(420);
    expect((await status(full)).status).toBe('paid');
    const again = await call('POST', `/api/finance/payment-runs/${runId}/outcomes`, { outcomes: [{ claimId: full, outcome: 'paid' }] });
    expect(again.statusCode).toBe(409);
    const noReason = await call('POST', `/api/finance/payment-runs/${runId}/outcomes`, {
      outcomes: [{ claimId: shared, outcome: 'failed' }],
    });
    expect(noReason.statusCode).toBe(400);

    const settled = await call('POST', `/api/finance/payment-runs/${runId}/outcomes`, { outcomes: [{ claimId: shared, outcome: 'paid' }] });
    expect(settled.json()).toMatchObject({ state: 'settled', outcomes: { paid: 2, failed: 1, waiting: 0 } });
    const listed = (await call('GET', '/api/finance/payment-runs')).json().runs.find((r: { id: string }) => r.id === runId);
    expect(listed.outcomes).toEqual({ paid: 2, failed: 1, waiting: 0 });
    expect(settled.json().claims.find((c: { claimId: string }) => c.claimId === partial)).toMatchObject({
      outcome: 'failed',
      reason: 'Account closed',
    });

    const moves = await s.database.db
      .selectFrom('audit_events')
      .select(['action', 'reason'])
      .where('subject', '=', `claim:${partial}`)
      .orderBy('at')
      .execute();
    expect(moves.map((m) => m.action)).toEqual([
      'claim.submitted',
      'line.approve',
      'line.reject',
      'claim.partially_approved',
      'claim.in_payment_run',
      'claim.payment_failed',
      'claim.partially_approved',
    ]);

    // the next run pays what was approved, never the full claim
    const next = await call('POST', '/api/finance/payment-runs', {});
    expect(next.json().claimCount).toBe(1);
    expect(next.json().totalPence).toBe(420);
    expect(next.json().csv).toContain(',4.20,');
  });

  it('a refused payment is shown on the claim and in the list until a later run pays it, and that run warns', async () => {
    const claim = async (id: string) => (await call('GET', `/api/finance/claims/${id}`)).json();
    const listed = async (id: string) => (await call('GET', '/api/finance/claims')).json().claims.find((c: { id: string }) => c.id === id);
    const refused = { runId, reason: 'Account closed', at: expect.stringMatching(/Z$/) };
    expect((await claim(partial)).paymentFailed).toEqual(refused);
    expect((await listed(partial)).paymentFailed).toEqual(refused);
    expect((await listed(full)).paymentFailed).toBeNull();

    // the run made after it (in the last test) pays the same account: it says so
    const runs = (await call('GET', '/api/finance/payment-runs')).json().runs as { id: string }[];
    const next = runs.find((r) => r.id !== runId) as { id: string };
    const detail = (await call('GET', `/api/finance/payment-runs/${next.id}`)).json();
    expect(detail.warnings).toEqual([
      expect.stringMatching(/^the bank refused \S+ in an earlier run on .+ (GMT|BST) \(Account closed\)\./),
    ]);
    expect((await call('GET', `/api/finance/payment-runs/${runId}`)).json().warnings).not.toContainEqual(
      expect.stringContaining('refused'),
    );

    // paid this time: nothing is refused any more
    const paid = await call('POST', `/api/finance/payment-runs/${next.id}/outcomes`, { outcomes: [{ claimId: partial, outcome: 'paid' }] });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await claim(partial)).paymentFailed).toBeNull();
  });
});
