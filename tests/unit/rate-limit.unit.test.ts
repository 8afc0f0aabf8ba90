import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { startTestApp, type TestServer } from '../support/app';

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
});
