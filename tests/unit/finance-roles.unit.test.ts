/** Finance endpoints: only the finance role; organiser and analyst get 403; a device token reads no claim. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../src/shared/claims';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { sendClaim } from '../support/claims';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let claimId: string;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  s = await startTestApp();
  await publishRateCard(s);
  for (const role of ['finance', 'organiser', 'analyst', 'admin'] as const) cookies[role] = (await staffCookie(s, [role])).cookie;
  cookies.finance2 = (await staffCookie(s, ['finance'])).cookie;
  const claim: Claim = {
    lines: [{ category: 'support_worker', amountPence: 15_000, receipt: 0 }],
    payment: { method: 'bank', accountName: 'Ann Example', sortCode: '123456', accountNumber: '12345678' },
    declaration: { kind: 'typed', name: 'Ann Example' },
    at: new Date().toISOString(),
  };
  claimId = await sendClaim(s, claim);
});
afterAll(async () => {
  await s.close();
});

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe('finance roles', () => {
  it('organiser, analyst and admin get 403 on bank details and payment runs', async () => {
    for (const role of ['organiser', 'analyst', 'admin']) {
      const bank = await call('GET', `/api/finance/claims/${claimId}`, { cookie: cookies[role] as string });
      expect(bank.statusCode, role).toBe(403);
      expect(bank.body).not.toContain('12345678');
      expect((await call('POST', '/api/finance/payment-runs', { cookie: cookies[role] as string }, {})).statusCode, role).toBe(403);
      expect((await call('GET', '/api/finance/claims', { cookie: cookies[role] as string })).statusCode, role).toBe(403);
    }
  });

  it('a device token cannot read any claim', async () => {
    for (const url of [
      '/api/finance/claims',
      `/api/finance/claims/${claimId}`,
      `/api/finance/engagements/${s.engagement.engagementId}/totals`,
    ]) {
      const res = await call('GET', url, { authorization: `Bearer ${s.token}` });
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('12345678');
    }
  });

  it('finance sees bank details (audited), and a second finance person approves above the threshold', async () => {
    const list = await call('GET', '/api/finance/claims', { cookie: cookies.finance as string });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('12345678');
    expect(list.json().claims[0].account).toBe('****5678');
    const one = await call('GET', `/api/finance/claims/${claimId}`, { cookie: cookies.finance as string });
    expect(one.json().bank.accountNumber).toBe('12345678');
    expect(one.json().audit.map((a: { action: string }) => a.action)).toContain('claim.bank_details_read');

    const bad = await call(
      'POST',
      `/api/finance/claims/${claimId}/decisions`,
      { cookie: cookies.finance as string },
      { decisions: [{ idx: 0, decision: 'reduce' }] },
    );
    expect(bad.statusCode).toBe(400);
    const ok = await call(
      'POST',
      `/api/finance/claims/${claimId}/decisions`,
      { cookie: cookies.finance as string },
      { decisions: [{ idx: 0, decision: 'approve' }] },
    );
    expect(ok.json()).toMatchObject({ status: 'approved', needsSecond: true });
    const same = await call('POST', `/api/finance/claims/${claimId}/second-approval`, { cookie: cookies.finance as string }, {});
    expect(same.statusCode).toBe(403);
    const second = await call('POST', `/api/finance/claims/${claimId}/second-approval`, { cookie: cookies.finance2 as string }, {});
    expect(second.statusCode).toBe(200);
    const run = await call('POST', '/api/finance/payment-runs', { cookie: cookies.finance as string }, {});
    expect(run.statusCode).toBe(201);
    expect(run.json().csv).toContain('ANN EXAMPLE,123456,12345678,150.00,');
    const noOrigin = await s.app.inject({
      method: 'POST',
      url: '/api/finance/payment-runs',
      headers: { cookie: cookies.finance as string },
    });
    expect(noOrigin.statusCode).toBe(403);
  });
});
