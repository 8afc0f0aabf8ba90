import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Job, JobRunner } from '../../src/server/jobs';
import { ABANDONED_UPLOAD_DAYS, retentionJobs } from '../../src/server/retention';
import { startTestApp, type TestServer } from '../support/app';
import { staffCookie } from '../support/staff';

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

describe('retention jobs', () => {
  const job = (name: string) => {
    const j = retentionJobs(s.database.db).find((x) => x.name === name);
    if (!j) throw new Error(`no job ${name}`);
    return j;
  };

  it('delete expired staff sessions, old setup links and unused enrolment codes, and nothing still valid', async () => {
    const db = s.database.db;
    const now = new Date('2026-11-22T12:00:00Z');
    const at = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
    const { id } = await staffCookie(s, ['admin']);
    await db
      .insertInto('staff_sessions')
      .values([
        { token_hash: 'expired', user_id: id, created_at: at(-30), expires_at: at(-1) },
        { token_hash: 'valid', user_id: id, created_at: at(-1), expires_at: at(5) },
      ])
      .execute();
    await db
      .insertInto('enrolment_codes')
      .values([
        { code_hash: 'old-unused', created_by: null, created_at: at(-50), expires_at: at(-48), used_at: null, device_id: null },
        { code_hash: 'old-used', created_by: null, created_at: at(-50), expires_at: at(-48), used_at: at(-49), device_id: s.deviceId },
        { code_hash: 'fresh', created_by: null, created_at: at(0), expires_at: at(0.25), used_at: null, device_id: null },
      ])
      .execute();
    const result = await job('purge-expired-credentials').run(now);
    expect(result).toMatch(/deleted \d+ sessions/);
    const sessions = await db.selectFrom('staff_sessions').select('token_hash').where('token_hash', 'in', ['expired', 'valid']).execute();
    expect(sessions.map((r) => r.token_hash)).toEqual(['valid']);
    const codes = await db
      .selectFrom('enrolment_codes')
      .select('code_hash')
      .where('code_hash', 'in', ['old-unused', 'old-used', 'fresh'])
      .execute();
    expect(codes.map((r) => r.code_hash).sort()).toEqual(['fresh', 'old-used']);
  });

  it(`delete uploads left unfinished for ${ABANDONED_UPLOAD_DAYS} days, keeping finished and recent ones`, async () => {
    const db = s.database.db;
    const now = new Date('2026-11-22T12:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const row = (sha: string, complete: number, created: string) => ({
      sha256: sha.repeat(64),
      size: 10,
      received: complete ? 10 : 4,
      complete,
      device_id: s.deviceId,
      created_at: created,
      completed_at: complete ? created : null,
    });
    await db
      .insertInto('attachment_uploads')
      .values([row('a', 0, daysAgo(31)), row('b', 1, daysAgo(31)), row('c', 0, daysAgo(2))])
      .execute();
    await db
      .insertInto('attachment_chunks')
      .values(['a', 'b', 'c'].map((x) => ({ sha256: x.repeat(64), device_id: s.deviceId, offset: 0, data: Buffer.from([0, 0, 0]) })))
      .execute();
    expect(await job('purge-abandoned-uploads').run(now)).toBe('deleted 1 unfinished uploads');
    const left = await db
      .selectFrom('attachment_chunks')
      .select('sha256')
      .where(
        'sha256',
        'in',
        ['a', 'b', 'c'].map((x) => x.repeat(64)),
      )
      .execute();
    expect(left.map((r) => r.sha256[0]).sort()).toEqual(['b', 'c']);
  });
});
