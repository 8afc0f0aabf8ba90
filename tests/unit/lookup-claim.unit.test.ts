/**
 * The lookup reply's claim over HTTP: a claim synced from a device, approved and paid by finance through the
 * API, shows its stage, the amount approved, the method and the day paid, and nothing personal.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupReplySchema } from '../../src/shared/lookup';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { bankClaim, sendClaim } from '../support/claims';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let fin: string;
beforeAll(async () => {
  s = await startTestApp();
  await publishRateCard(s);
  fin = (await staffCookie(s, ['finance'])).cookie;
});
afterAll(async () => {
  await s.close();
});

async function asFinance(url: string, body: unknown, cookie = fin) {
  const res = await s.app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function lookup(code: string) {
  const res = await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code } });
  expect(res.statusCode).toBe(200);
  return { body: res.body, reply: v.parse(LookupReplySchema, res.json()) };
}

describe('the lookup reply tells a claim’s outcome', () => {
  it('received, then approved with the amount, in payment, then paid by bank transfer on a day', async () => {
    // a sort code and account from Vocalink's published test cases, so the modulus check passes
    const id = await sendClaim(s, bankClaim('Ann Example', '107999', '88837491', [1500, 2000]));
    const { reference_code: code } = await s.database.db
      .selectFrom('claims')
      .select('reference_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

    expect((await lookup(code)).reply.claim).toEqual({ stage: 'received', approvedPence: null, method: 'bank', paidAt: null });

    await asFinance(`/api/finance/claims/${id}/decisions`, {
      decisions: [
        { idx: 0, decision: 'approve' },
        { idx: 1, decision: 'approve' },
      ],
    });
    expect((await lookup(code)).reply.claim).toMatchObject({ stage: 'approved', approvedPence: 3500 });

    const run = await asFinance('/api/finance/payment-runs', { format: 'csv' });
    expect((await lookup(code)).reply.claim?.stage).toBe('in_payment');

    await asFinance(`/api/finance/payment-runs/${run.id}/result`, { failed: [] });
    const { body, reply } = await lookup(code);
    expect(reply.claim).toMatchObject({ stage: 'paid', approvedPence: 3500, method: 'bank' });
    expect(Date.now() - Date.parse(reply.claim?.paidAt ?? '')).toBeLessThan(60_000);
    for (const secret of ['Ann Example', '107999', '88837491', '7491', id]) expect(body).not.toContain(secret);
  });

  it('above the second-approver threshold it is being checked, with no amount, until a second approver agrees; a failed payment says so', async () => {
    const id = await sendClaim(s, bankClaim('Bea Example', '107999', '88837491', [6000, 5000]));
    const code = (await s.database.db.selectFrom('claims').select('reference_code').where('id', '=', id).executeTakeFirstOrThrow())
      .reference_code;
    await asFinance(`/api/finance/claims/${id}/decisions`, {
      decisions: [
        { idx: 0, decision: 'approve' },
        { idx: 1, decision: 'approve' },
      ],
    });
    expect((await lookup(code)).reply.claim).toMatchObject({ stage: 'checking', approvedPence: null });
    const second = (await staffCookie(s, ['finance'])).cookie;
    await asFinance(`/api/finance/claims/${id}/second-approval`, {}, second);
    expect((await lookup(code)).reply.claim).toMatchObject({ stage: 'approved', approvedPence: 11000 });
    const run = await asFinance('/api/finance/payment-runs', { format: 'csv' });
    await asFinance(`/api/finance/payment-runs/${run.id}/result`, { failed: [{ claimId: id, reason: 'Account closed' }] });
    const { body, reply } = await lookup(code);
    expect(reply.claim).toEqual({ stage: 'payment_failed', approvedPence: 11000, method: 'bank', paidAt: null });
    expect(body).not.toContain('Account closed');
  });

  it('is described in the API document', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const reply = doc.paths['/api/lookup'].post.responses['200'];
    expect(JSON.stringify(reply)).toContain('approvedPence');
    expect(JSON.stringify(reply)).toContain('paidAt');
  });
});
