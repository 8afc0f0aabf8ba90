/** The background opener: opens what was acknowledged, keeps going under a steady stream, stops cleanly. */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { ingestBatch } from '../../src/server/services/ingest';
import { Opener, pendingAfter } from '../../src/server/services/opener';
import { startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

const pending = async () =>
  Number(
    (
      await s.database.db
        .selectFrom('inbox')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('state', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('opener', () => {
  it('keeps opening while batches keep coming, and opens everything once they stop', async () => {
    const keys = new VersionKeys(s.database.db, s.serverKey);
    const items = await Promise.all(Array.from({ length: 150 }, () => sealedItem(s.engagement)));
    // acknowledged straight into the inbox, as the sync route does, but with this test's own opener
    expect((await ingestBatch(s.database.db, keys, s.deviceId, items)).every((r) => r.status === 'stored')).toBe(true);
    expect(await pending()).toBe(150);
    const opener = new Opener(s.database.db, keys, (e) => {
      throw e;
    });
    // a steady stream of batches: kicks closer together than the quiet period
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        opener.kick();
        await sleep(100);
      }
    })();
    await expect.poll(pending, { timeout: 20_000, interval: 100 }).toBeLessThan(150);
    const duringStream = await pending();
    streaming = false;
    await stream;
    await expect.poll(pending, { timeout: 30_000 }).toBe(0);
    expect(duringStream).toBeGreaterThan(0);
    await opener.stop();
    const opened = await s.database.db
      .selectFrom('bundles')
      .select('id')
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
    expect(opened).toHaveLength(150);
  });

  it('stops at once, even in a pause, and opens nothing after', async () => {
    const keys = new VersionKeys(s.database.db, s.serverKey);
    const items = await Promise.all(Array.from({ length: 120 }, () => sealedItem(s.engagement)));
    await ingestBatch(s.database.db, keys, s.deviceId, items);
    const opener = new Opener(s.database.db, keys, () => {});
    opener.kick();
    await opener.stop();
    const left = await pending();
    await sleep(600);
    expect(await pending()).toBe(left);
    expect(left).toBeGreaterThan(0);
  });

  it('tries again by itself after a failed run, with no batch to kick it', async () => {
    const real = new VersionKeys(s.database.db, s.serverKey);
    let failures = 1;
    const flaky = Object.assign(Object.create(real) as VersionKeys, {
      get: async (id: string) => {
        if (failures-- > 0) throw new Error('database hiccup');
        return real.get(id);
      },
    });
    const items = await Promise.all(Array.from({ length: 5 }, () => sealedItem(s.engagement)));
    const before = await pending();
    await ingestBatch(s.database.db, real, s.deviceId, items);
    const errors: unknown[] = [];
    const opener = new Opener(s.database.db, flaky, (e) => errors.push(e));
    opener.run();
    await expect.poll(() => errors.length).toBe(1);
    expect(await pending()).toBe(before + 5);
    await expect.poll(pending, { timeout: 15_000 }).toBe(0);
    await opener.stop();
  });

  it('takes the next pending rows in order from an index, not by sorting every pending row (a slice costs the same whatever the backlog)', async () => {
    const { db, dialect } = s.database;
    for (const after of [undefined, { received_at: '2026-12-01T10:00:00.000Z', id: '0199c0de-0000-7000-8000-000000000000' }]) {
      const q = pendingAfter(db, 200, after).compile();
      const plan =
        dialect === 'sqlite'
          ? (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows.map(
              (r) => r.detail,
            )
          : // PostgreSQL, whose planner sorts a table this small anyway: with scans other than the index's and
            // sorts priced out, the plan has a Sort only when no index gives the order
            await db.connection().execute(async (c) => {
              const off = ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'];
              for (const k of off) await c.executeQuery(CompiledQuery.raw(`SET ${k} = off`));
              const rows = (await c.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows;
              for (const k of off) await c.executeQuery(CompiledQuery.raw(`RESET ${k}`));
              return rows.map((r) => r['QUERY PLAN']);
            });
      const text = plan.join('\n');
      expect(text).toContain('inbox_by_state_received');
      expect(text).not.toMatch(/TEMP B-TREE|Sort/);
    }
  });
});
