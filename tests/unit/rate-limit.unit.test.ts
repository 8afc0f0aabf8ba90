import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

const open: TestServer[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('rate limits', () => {
  it('limits enrolment attempts with a clear 429, counted in the database', async () => {
    const s = await startTestApp();
    open.push(s);
    const attempt = () => s.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: 'ZZZZ-ZZZZ', name: 'x' } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await attempt();
    expect(limited.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/\S/) });
    const rows = await s.database.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows.some((r) => Number(r.count) >= 13)).toBe(true);
  });

  it('holds across two app instances on the same database', async () => {
    const a = await startTestApp();
    open.push(a);
    // a second instance on the same database and data folder
    const b = await buildApp({ config: loadConfig({ DATA_DIR: a.dataDir }), database: a.database, serverKey: a.serverKey });
    const attempt = (app: typeof b) => app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: 'ZZZZ-ZZZZ', name: 'x' } });
    for (let i = 0; i < 5; i++) await attempt(a.app);
    for (let i = 0; i < 5; i++) await attempt(b);
    expect((await attempt(a.app)).statusCode).toBe(429);
    expect((await attempt(b)).statusCode).toBe(429);
    await b.close();
  });

  it('refuses every limited route with a clear 503 while the limit store fails, letting nobody through', async () => {
    const s = await startTestApp();
    open.push(s);
    const json = { 'content-type': 'application/json', origin: ORIGIN };
    const admin = { email: 'admin@example.org', password: 'correct horse battery' };
    const setup = await s.app.inject({
      method: 'POST',
      url: '/api/staff/setup',
      headers: json,
      payload: { token: s.setupToken, name: 'Ada', ...admin },
    });
    expect(setup.statusCode).toBe(200);
    const { cookie } = await staffCookie(s, ['organiser']);
    const codes = await s.app.inject({ method: 'POST', url: '/api/staff/devices/codes', headers: { ...json, cookie }, payload: {} });
    const { code } = codes.json() as { code: string };
    const login = () => s.app.inject({ method: 'POST', url: '/api/staff/login', headers: json, payload: admin });
    const enrol = () => s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: json, payload: { code, name: 'Tablet 2' } });
    const lookup = () => s.app.inject({ method: 'POST', url: '/api/lookup', headers: json, payload: { code: '7KQ2-M9XD' } });
    const sessions = async () => (await s.database.db.selectFrom('staff_sessions').select('token_hash').execute()).length;
    const before = await sessions();

    // the counters' table is gone: every count fails
    await s.database.db.schema.alterTable('rate_limits').renameTo('rate_limits_away').execute();
    for (const [what, res] of [
      ['sign-in with the right password', await login()],
      ['enrolment with a good code', await enrol()],
      ['reference lookup', await lookup()],
    ] as const) {
      expect(res.statusCode, what).toBe(503);
      expect(res.json(), what).toEqual({ error: 'limit_unavailable', message: expect.stringMatching(/try again/i) });
      expect(res.cookies, what).toEqual([]);
    }
    expect(await sessions()).toBe(before);

    // back again: the same sign-in and the same code work, so nothing was used up while refusing
    await s.database.db.schema.alterTable('rate_limits_away').renameTo('rate_limits').execute();
    expect((await login()).statusCode).toBe(200);
    const again = await enrol();
    expect(again.statusCode, again.body).toBe(200);
  });
});
