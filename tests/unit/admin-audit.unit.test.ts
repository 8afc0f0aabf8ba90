/**
 * Admins read the audit log (filters: who, action, subject, dates; a page at a time) and export it as CSV;
 * nobody else may. Staff, finance and admin replies are never cached; admins may revoke a lost device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/server/services/audit';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let admin: Awaited<ReturnType<typeof staffCookie>>;
beforeAll(async () => {
  s = await startTestApp();
  admin = await staffCookie(s, ['admin']);
  for (let i = 0; i < 5; i++)
    await audit(s.database.db, {
      actor: 'staff:ann@example.org',
      action: 'claim.approved',
      subject: `claim:${i}`,
      at: `2026-03-0${i + 1}T10:00:00.000Z`,
    });
  await audit(s.database.db, { actor: 'staff:bob@example.org', action: 'claim_x', subject: 'claim:9', at: '2026-03-02T12:00:00.000Z' });
  await audit(s.database.db, {
    actor: 'system',
    action: 'payment_run.created',
    subject: 'payment_run:1',
    at: '2026-03-06T09:00:00.000Z',
  });
});
afterAll(async () => {
  await s.close();
});

const get = (url: string, cookie = admin.cookie) => s.app.inject({ method: 'GET', url, headers: { cookie } });

describe('the audit log for admins', () => {
  it('filters by who, action family, subject and dates, a page at a time, newest first', async () => {
    const page = await get('/api/admin/audit?who=staff:ann@example.org&limit=2');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.json().events.map((e: { subject: string }) => e.subject)).toEqual(['claim:4', 'claim:3']);
    expect(page.json().nextOffset).toBe(2);
    const last = (await get('/api/admin/audit?who=staff:ann@example.org&limit=2&offset=4')).json();
    expect(last.events.map((e: { subject: string }) => e.subject)).toEqual(['claim:0']);
    expect(last.nextOffset).toBeNull();
    // "claim." is a family: the underscore in claim_x is not a wildcard
    const family = (await get('/api/admin/audit?action=claim.&from=2026-03-02&to=2026-03-03')).json();
    expect(family.events.map((e: { subject: string }) => e.subject)).toEqual(['claim:2', 'claim:1']);
    expect((await get('/api/admin/audit?subject=claim:9')).json().events).toHaveLength(1);
    // a family whose own name has an underscore still matches it literally
    const runs = (await get('/api/admin/audit?action=payment_run.')).json();
    expect(runs.events.map((e: { action: string }) => e.action)).toEqual(['payment_run.created']);
    expect((await get('/api/admin/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('exports as CSV, and the export is itself audited', async () => {
    const csv = await get('/api/admin/audit.csv?who=staff:bob@example.org');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body.trim().split('\r\n')).toEqual([
      'at,actor,action,subject,reason,detail',
      '2026-03-02T12:00:00.000Z,staff:bob@example.org,claim_x,claim:9,,',
    ]);
    const exported = (await get(`/api/admin/audit?who=${encodeURIComponent(admin.actor)}&action=export.audit`)).json();
    expect(exported.events).toHaveLength(1);
  });

  it('only admins may read it', async () => {
    for (const role of ['organiser', 'finance', 'analyst'] as const) {
      const cookie = (await staffCookie(s, [role])).cookie;
      expect((await get('/api/admin/audit', cookie)).statusCode, role).toBe(403);
      expect((await get('/api/admin/audit.csv', cookie)).statusCode, role).toBe(403);
    }
  });

  it('staff and finance replies with personal data are never cached', async () => {
    expect((await get('/api/staff/users')).headers['cache-control']).toBe('no-store');
    const fin = (await staffCookie(s, ['finance'])).cookie;
    expect((await get('/api/finance/claims', fin)).headers['cache-control']).toBe('no-store');
  });

  it('an admin revokes a lost device, and the device is refused from then on', async () => {
    const lost = await enrolDevice(s.database.db, { code: (await createEnrolmentCode(s.database.db, null)).code, name: 'Lost' });
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/staff/devices/${lost.deviceId}/revoke`,
      headers: { cookie: admin.cookie, origin: ORIGIN },
    });
    expect(res.statusCode).toBe(200);
    const after = await s.app.inject({ method: 'GET', url: '/api/device/engagements', headers: { authorization: `Bearer ${lost.token}` } });
    expect(after.statusCode).toBe(401);
  });
});
