/** Engagements assigned to devices (issue 6): organisers choose what each device carries; the device endpoint follows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import { revokeDevice } from '../../src/server/services/devices-admin';
import { createPublishedEngagement } from '../../src/server/services/engagements';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let organiser: string;
let second: string;
beforeAll(async () => {
  s = await startTestApp();
  organiser = (await staffCookie(s, ['organiser'])).cookie;
  ({ engagementId: second } = await createPublishedEngagement(s.database.db, s.serverKey, {
    slug: 'park-your-say',
    title: { en: { standard: 'Your park' } },
    content: { ...s.engagement.content, title: { en: { standard: 'Your park' } } },
  }));
});
afterAll(async () => {
  await s.close();
});

const slugsFor = async (token = s.token) => {
  const res = await s.app.inject({ method: 'GET', url: '/api/device/engagements', headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return (res.json().engagements as { slug: string }[]).map((e) => e.slug).sort();
};
const assign = (deviceId: string, body: unknown, cookie = organiser) =>
  s.app.inject({
    method: 'PUT',
    url: `/api/staff/devices/${deviceId}/engagements`,
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
const listed = async (deviceId: string) => {
  const res = await s.app.inject({ method: 'GET', url: '/api/staff/devices', headers: { cookie: organiser } });
  return (res.json().devices as { id: string; engagementScope: string; engagementIds: string[] }[]).find((d) => d.id === deviceId);
};

describe('engagements assigned to devices', () => {
  it('a device nobody chose for carries every published engagement (as devices did before assignment)', async () => {
    // a device of its own: another test's choice for the shared one must not decide this one
    const { code } = await createEnrolmentCode(s.database.db, null);
    const fresh = await enrolDevice(s.database.db, { code, name: 'New tablet' });
    expect(await slugsFor(fresh.token)).toEqual(['library-your-say', 'park-your-say']);
    expect(await listed(fresh.deviceId)).toMatchObject({ engagementScope: 'all', engagementIds: [] });
  });

  it('once an organiser chooses, the device downloads only the chosen ones; other devices are untouched', async () => {
    const { code } = await createEnrolmentCode(s.database.db, null);
    const other = await enrolDevice(s.database.db, { code, name: 'Other tablet' });
    // its own device, so the audit trail holds this test's choice alone
    const mine = await enrolDevice(s.database.db, { code: (await createEnrolmentCode(s.database.db, null)).code, name: 'Park tablet' });
    const res = await assign(mine.deviceId, { scope: 'chosen', engagementIds: [second] });
    expect(res.statusCode).toBe(200);
    expect(await slugsFor(mine.token)).toEqual(['park-your-say']);
    expect(await slugsFor(other.token)).toEqual(['library-your-say', 'park-your-say']);
    expect(await listed(mine.deviceId)).toMatchObject({ engagementScope: 'chosen', engagementIds: [second] });
    const audit = await s.database.db.selectFrom('audit_events').selectAll().where('subject', '=', `device:${mine.deviceId}`).execute();
    expect(audit.map((a) => a.action)).toEqual(['device.engagements']);
  });

  it('choosing none gives the device none (never "all"); choosing all again gives every one back', async () => {
    expect((await assign(s.deviceId, { scope: 'chosen', engagementIds: [] })).statusCode).toBe(200);
    expect(await slugsFor()).toEqual([]);
    expect((await assign(s.deviceId, { scope: 'all', engagementIds: [] })).statusCode).toBe(200);
    expect(await slugsFor()).toEqual(['library-your-say', 'park-your-say']);
  });

  it('an unknown engagement or device, or a bad body, is a clear 4xx that changes nothing', async () => {
    await assign(s.deviceId, { scope: 'chosen', engagementIds: [second] });
    const unknown = await assign(s.deviceId, { scope: 'chosen', engagementIds: [second, crypto.randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/does not exist/);
    expect((await assign(crypto.randomUUID(), { scope: 'all', engagementIds: [] })).statusCode).toBe(404);
    for (const bad of [
      {},
      { scope: 'some', engagementIds: [] },
      { scope: 'chosen', engagementIds: ['../x'] },
      { scope: 'all', engagementIds: [], x: 1 },
    ]) {
      const res = await assign(s.deviceId, bad);
      expect(res.statusCode).toBe(400);
      expect(typeof res.json().message).toBe('string');
    }
    expect(await slugsFor()).toEqual(['park-your-say']);
  });

  it('only organisers choose; an analyst is refused', async () => {
    expect((await assign(s.deviceId, { scope: 'chosen', engagementIds: [second] })).statusCode).toBe(200);
    const analyst = (await staffCookie(s, ['analyst'])).cookie;
    expect((await assign(s.deviceId, { scope: 'all', engagementIds: [] }, analyst)).statusCode).toBe(403);
    expect(await slugsFor()).toEqual(['park-your-say']);
  });

  it('a revoked device is told when and by whom; enrolled again with its old token, it keeps what it carried', async () => {
    const { code } = await createEnrolmentCode(s.database.db, null);
    const lost = await enrolDevice(s.database.db, { code, name: 'Lost tablet' });
    expect((await assign(lost.deviceId, { scope: 'chosen', engagementIds: [second] })).statusCode).toBe(200);
    await revokeDevice(s.database.db, lost.deviceId, new Date('2026-03-02T10:00:00Z'));
    const refused = await s.app.inject({
      method: 'GET',
      url: '/api/device/engagements',
      headers: { authorization: `Bearer ${lost.token}` },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'device_revoked', revokedAt: '2026-03-02T10:00:00.000Z', organisation: 'localhost' });

    const again = await s.app.inject({
      method: 'POST',
      url: '/api/devices/enrol',
      payload: { code: (await createEnrolmentCode(s.database.db, null)).code, name: 'Lost tablet', previousToken: lost.token },
    });
    expect(again.statusCode).toBe(200);
    const back = again.json() as { deviceId: string; token: string };
    expect(Object.keys(back).sort()).toEqual(['deviceId', 'token']);
    expect(await slugsFor(back.token)).toEqual(['park-your-say']);
    expect(await listed(back.deviceId)).toMatchObject({ engagementScope: 'chosen', engagementIds: [second] });
    const audit = await s.database.db.selectFrom('audit_events').selectAll().where('subject', '=', `device:${back.deviceId}`).execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.detail_json ?? '{}').replaces])).toEqual([['device.enrolled', lost.deviceId]]);

    // a token nobody holds proves nothing: every published engagement, as for a new device
    const stranger = await enrolDevice(s.database.db, {
      code: (await createEnrolmentCode(s.database.db, null)).code,
      name: 'New',
      previousToken: 'x',
    });
    expect(await slugsFor(stranger.token)).toEqual(['library-your-say', 'park-your-say']);
  });
});
