import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Job, JobRunner } from '../../src/server/jobs';
import { startTestApp, type TestServer } from '../support/app';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

describe('background jobs', () => {
  it('run once per period however many instances tick at the same moment', async () => {
    const runs: string[] = [];
    const job = (who: string): Job => ({ name: 'purge-test', everyMs: 60_000, run: async () => void runs.push(who) });
    const a = new JobRunner(s.database.db, [job('a')]);
    const b = new JobRunner(s.database.db, [job('b')]);
    const now = new Date('2026-11-22T10:00:00Z');
    await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
    expect(runs).toHaveLength(1);
    // within the period: nobody runs it again
    await Promise.all([a.tick(new Date(now.getTime() + 30_000)), b.tick(new Date(now.getTime() + 30_000))]);
    expect(runs).toHaveLength(1);
    // next period: exactly one of them again
    await Promise.all([a.tick(new Date(now.getTime() + 61_000)), b.tick(new Date(now.getTime() + 61_000))]);
    expect(runs).toHaveLength(2);
    const lease = await s.database.db.selectFrom('job_leases').selectAll().where('name', '=', 'purge-test').executeTakeFirstOrThrow();
    expect(lease.last_result).toBe('ok');
  });

  it('retries a failed job within a minute, not a whole period later', async () => {
    let calls = 0;
    const flaky: Job = {
      name: 'flaky',
      everyMs: 24 * 3600_000,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('database busy');
        return 'purged 3';
      },
    };
    const r = new JobRunner(s.database.db, [flaky]);
    const now = new Date('2026-11-22T10:00:00Z');
    expect(await r.tick(now)).toEqual([]);
    expect(await r.tick(new Date(now.getTime() + 61_000))).toEqual(['flaky']);
    const lease = await s.database.db.selectFrom('job_leases').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    expect(lease.last_result).toBe('purged 3');
  });
});
