/** Closed sessions reported by devices (DESIGN.md Session), and finance's view of them with the cash float. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import type { SessionReport } from '../../src/shared/protocol';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

const report = (overrides: Partial<SessionReport> = {}): SessionReport => ({
  id: crypto.randomUUID(),
  engagementSlug: s.engagement.slug,
  venue: 'Central Library',
  area: 'G42',
  date: '2026-11-21',
  timeZone: 'Europe/London',
  openedAt: '2026-11-21T09:30:00.000Z',
  closedAt: '2026-11-21T13:05:00.000Z',
  attendance: 12,
  notes: 'Busy morning; مرحبا; two asked for large print.',
  floatIssued: 2550,
  floatPaidOut: 1000,
  floatReturned: 1550,
  ...overrides,
});

const post = (body: unknown, token = s.token) =>
  s.app.inject({
    method: 'POST',
    url: '/api/sync/sessions',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('session reports', () => {
  it('stores a closed session; a resend from the same device updates it; finance sees it with its float', async () => {
    const r = report();
    const res = await post({ sessions: [r] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stored: [r.id] });
    expect((await post({ sessions: [{ ...r, attendance: 13, floatReturned: 1500 }] })).statusCode).toBe(200);
    const rows = await s.database.db.selectFrom('sessions').selectAll().where('id', '=', r.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      device_id: s.deviceId,
      engagement_id: s.engagement.engagementId,
      venue: 'Central Library',
      attendance: 13,
    });
    expect(Number(rows[0]?.float_returned_pence)).toBe(1500);

    const { cookie } = await staffCookie(s, ['finance']);
    const list = await s.app.inject({ method: 'GET', url: '/api/finance/sessions', headers: { cookie, origin: ORIGIN } });
    expect(list.statusCode).toBe(200);
    const mine = (list.json().sessions as { id: string }[]).find((x) => x.id === r.id);
    expect(mine).toMatchObject({
      venue: 'Central Library',
      attendance: 13,
      notes: r.notes,
      reported: { issuedPence: 2550, paidOutPence: 1000, returnedPence: 1500 },
      recorded: false,
      reconciledAt: null,
    });
    const float = await s.app.inject({ method: 'GET', url: `/api/finance/floats/${r.id}`, headers: { cookie, origin: ORIGIN } });
    expect(float.json().session).toMatchObject({ venue: 'Central Library', reported: { issuedPence: 2550 } });
  });

  it('refuses another device reporting the same session, and bad reports, changing nothing', async () => {
    const r = report();
    expect((await post({ sessions: [r] })).statusCode).toBe(200);
    const { code } = await createEnrolmentCode(s.database.db, null);
    const other = await enrolDevice(s.database.db, { code, name: 'Other tablet' });
    const hijack = await post({ sessions: [{ ...r, venue: 'Somewhere else' }] }, other.token);
    expect(hijack.statusCode).toBe(409);
    expect(hijack.json().message).toContain('Another device');
    for (const bad of [
      { sessions: [] },
      { sessions: [{ ...r, floatIssued: -1 }] },
      { sessions: [{ ...r, floatIssued: 12.5 }] },
      { sessions: [{ ...r, date: '21/11/2026' }] },
      { sessions: [{ ...r, extra: true }] },
      { sessions: [r], more: 1 },
    ]) {
      const res = await post(bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect((await post({ sessions: [r] }, 'x'.repeat(43))).statusCode).toBe(401);
    const row = await s.database.db.selectFrom('sessions').select(['venue', 'device_id']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ venue: 'Central Library', device_id: s.deviceId });
  });
});
