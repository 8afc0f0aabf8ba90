import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openBletherDB } from '../../src/db/open';
import { type OutboxRepo, outboxRepo } from '../../src/db/outbox';
import type { OutboxRecord } from '../../src/db/schema';
import type { ItemResult } from '../../src/shared/protocol';
import { SyncEngine } from '../../src/sync/engine';
import { slowLink } from '../support/slow-link';

let n = 0;
/** A waiting bundle of 1,000 bytes; ids sort in the order made. */
function record(i: number, prefix = 'id-', day = 1): OutboxRecord {
  return {
    id: `${prefix}${String(i).padStart(4, '0')}`,
    engagementVersionId: 'v1',
    engagementSlug: 'demo',
    createdAt: new Date(Date.UTC(2026, 0, day, 0, 0, i)).toISOString(),
    state: 'waiting',
    envelope: { v: 1, alg: 'ECDH-ES+A256KW/A256GCM', epk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, wk: '', iv: '', ct: '' },
    size: 1000,
    attachments: [],
    attempts: 0,
  };
}

async function setup(count: number) {
  const handle = openBletherDB(`engine-test-${++n}`);
  const repo = outboxRepo(() => handle);
  for (let i = 0; i < count; i++) await repo.add(record(i));
  return repo;
}

type Handler = (
  items: { id: string }[],
) => { status: number; results?: ItemResult[] } | Promise<{ status: number; results?: ItemResult[] }>;

function fakeFetch(handler: Handler) {
  const batches: string[][] = [];
  const f = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { items: { id: string }[] };
    batches.push(body.items.map((i) => i.id));
    const r = await handler(body.items);
    return new Response(JSON.stringify(r.results ? { results: r.results, serverTime: '' } : { error: 'x', message: 'Server says no' }), {
      status: r.status,
    });
  }) as unknown as typeof fetch;
  return { f, batches };
}

/** An engine on this outbox and link that tries again at once after a failure (the tests drive each run). */
const noBackoff = (outbox: OutboxRepo, fetch: typeof globalThis.fetch) => ({
  outbox,
  getToken: async () => 't',
  fetch,
  backoffBaseMs: 0,
  backoffCapMs: 0,
});

const ok: Handler = (items) => ({ status: 200, results: items.map((i) => ({ id: i.id, status: 'stored' as const })) });

describe('sync engine', () => {
  it('sends in batches bounded by count and bytes, and empties the outbox', async () => {
    const repo = await setup(25);
    const { f, batches } = fakeFetch(ok);
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f, maxItems: 10, maxBytes: 7_500 });
    const report = await engine.sync();
    expect(report).toEqual({ sent: 25, attention: 0, ok: true });
    // 7 items of 1000 bytes fit under 7,500 bytes
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7, 4]);
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('reads the next page while a batch is on the wire, and forgets each batch in one transaction', async () => {
    const repo = await setup(25);
    const pagesRead: number[] = [];
    let readsStarted = 0;
    const removed: number[] = [];
    const outbox = {
      ...repo,
      waitingAfter: async (...a: Parameters<typeof repo.waitingAfter>) => {
        readsStarted++;
        const page = await repo.waitingAfter(...a);
        pagesRead.push(page.length);
        return page;
      },
      remove: async (records: Parameters<typeof repo.remove>[0]) => {
        removed.push(records.length);
        return repo.remove(records);
      },
    };
    const pagesAtPost: number[] = [];
    const { f } = fakeFetch((items) => {
      pagesAtPost.push(readsStarted);
      return ok(items);
    });
    const engine = new SyncEngine({ outbox, getToken: async () => 't', fetch: f, maxItems: 10 });
    expect(await engine.sync()).toEqual({ sent: 25, attention: 0, ok: true });
    // the page after each batch is on its way before the batch goes (the last page was short: the end)
    expect(pagesAtPost).toEqual([2, 3, 3]);
    expect(pagesRead).toEqual([10, 10, 5]);
    expect(removed).toEqual([10, 10, 5]);
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('has up to two batches on the wire at once, and forgets each as it is answered', async () => {
    const repo = await setup(50);
    let open = 0;
    let most = 0;
    const { f, batches } = fakeFetch(async (items) => {
      most = Math.max(most, ++open);
      await new Promise((r) => setTimeout(r, 5));
      open--;
      return ok(items);
    });
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f, maxItems: 10 });
    expect(await engine.sync()).toEqual({ sent: 50, attention: 0, ok: true });
    expect(most).toBe(2);
    expect(batches.flat()).toEqual([...new Set(batches.flat())]);
    expect(batches.flat()).toHaveLength(50);
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('lets the other batch on the wire land before it reports a failure: what the server took is forgotten', async () => {
    const repo = await setup(20);
    const { f, batches } = fakeFetch(async (items) => {
      if (batches.length === 1) {
        await new Promise((r) => setTimeout(r, 20));
        return ok(items);
      }
      return { status: 500 };
    });
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f, maxItems: 10 });
    expect((await engine.sync()).ok).toBe(false);
    expect(batches).toHaveLength(2);
    expect(await repo.counts()).toEqual({ waiting: 10, attention: 0 });
  });

  it('runs once more after the run under way when asked during it, and sends what was saved meanwhile', async () => {
    const repo = await setup(3);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const { f, batches } = fakeFetch(async (items) => {
      if (batches.length === 1) await held;
      return ok(items);
    });
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f });
    const first = engine.sync();
    await expect.poll(() => batches.length).toBe(1);
    // saved after the run read its queue, then asked for (twice: one more run, not two)
    const late = { ...(await repo.waiting())[0]!, id: 'id-9999' };
    await repo.add(late);
    const second = engine.sync();
    expect(engine.sync(true)).toBe(second);
    release();
    expect(await first).toEqual({ sent: 3, attention: 0, ok: true });
    expect(await second).toEqual({ sent: 1, attention: 0, ok: true });
    expect(batches).toEqual([['id-0000', 'id-0001', 'id-0002'], ['id-9999']]);
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('goes quiet when asked (an update applies): the batches on the wire land, the rest waits, no run asked meanwhile starts', async () => {
    const repo = await setup(30);
    let quiet = false;
    let sessionsAsked = 0;
    const { f, batches } = fakeFetch((items) => {
      // the update is asked for while the second batch is on the wire
      if (batches.length === 2) quiet = true;
      return ok(items);
    });
    const sessions = {
      unreported: async () => {
        sessionsAsked++;
        return [];
      },
      markReported: async () => {},
    };
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f, maxItems: 5, sessions, shouldStop: () => quiet });
    const run = engine.sync();
    const askedDuring = engine.sync(true);
    const report = await run;
    expect(report.ok).toBe(true);
    expect(report.sent).toBeLessThan(30);
    // everything posted was taken and forgotten; nothing else was posted
    expect(report.sent).toBe(batches.flat().length);
    expect(await repo.counts()).toEqual({ waiting: 30 - report.sent, attention: 0 });
    expect(await askedDuring).toEqual({ sent: 0, attention: 0, ok: false });
    expect(batches.flat()).toHaveLength(report.sent);
    expect(sessionsAsked).toBe(0);
    // the update could not be applied: the next run sends the rest
    quiet = false;
    expect(await engine.sync(true)).toEqual({ sent: 30 - report.sent, attention: 0, ok: true });
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('runs again after a run that threw, and asks made later still run again', async () => {
    const repo = await setup(2);
    let calls = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const outbox = {
      ...repo,
      // the first run's read of the queue fails (once it is let go); the next one's works
      counts: async () => {
        if (++calls > 1) return repo.counts();
        await held;
        throw new Error('IndexedDB went away');
      },
    };
    const { f } = fakeFetch(ok);
    const engine = new SyncEngine({ outbox, getToken: async () => 't', fetch: f });
    const first = engine.sync();
    const second = engine.sync(true);
    release();
    await expect(first).rejects.toThrow('IndexedDB went away');
    expect(await second).toEqual({ sent: 2, attention: 0, ok: true });
  });

  it('removes stored and duplicate, keeps conflict and rejected with their reasons', async () => {
    const repo = await setup(4);
    const statuses = ['stored', 'duplicate', 'conflict', 'rejected'] as const;
    const { f } = fakeFetch((items) => ({
      status: 200,
      results: items.map((i, k) => ({ id: i.id, status: statuses[k] ?? 'stored', reason: k >= 2 ? `reason ${k}` : undefined })),
    }));
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f });
    expect(await engine.sync()).toEqual({ sent: 2, attention: 2, ok: true });
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 2 });
    expect((await repo.attention()).map((r) => [r.status, r.reason])).toEqual([
      ['conflict', 'reason 2'],
      ['rejected', 'reason 3'],
    ]);
  });

  it('halves the batch on 413 until it fits, and everything arrives', async () => {
    const repo = await setup(16);
    const { f, batches } = fakeFetch((items) => (items.length > 4 ? { status: 413 } : ok(items)));
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f, maxItems: 16 });
    expect((await engine.sync()).sent).toBe(16);
    // two batches of 8 were on the wire together when the second 413 came: both come back, halved again
    expect(batches.map((b) => b.length)).toEqual([16, 8, 8, 4, 4, 4, 4]);
    expect(await repo.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('keeps everything on a server error and backs off exponentially with jitter, up to a cap', async () => {
    const repo = await setup(3);
    let fail = true;
    const { f } = fakeFetch((items) => (fail ? { status: 500 } : ok(items)));
    const engine = new SyncEngine({
      outbox: repo,
      getToken: async () => 't',
      fetch: f,
      backoffBaseMs: 1000,
      backoffCapMs: 8000,
      random: () => 1,
    });
    expect((await engine.sync()).ok).toBe(false);
    expect(engine.current.phase).toBe('error');
    expect(engine.current.message).toBe('Server says no');
    expect(await repo.counts()).toEqual({ waiting: 3, attention: 0 });
    // not forced: waits for the backoff
    expect((await engine.sync()).sent).toBe(0);
    expect([1, 2, 3, 4, 5, 9].map((k) => engine.backoffDelay(k))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    const low = new SyncEngine({ outbox: repo, getToken: async () => 't', backoffBaseMs: 1000, random: () => 0 });
    expect(low.backoffDelay(3)).toBe(2000);
    fail = false;
    expect(await engine.sync(true)).toEqual({ sent: 3, attention: 0, ok: true });
  });

  it('treats a failed fetch as offline and loses nothing', async () => {
    const repo = await setup(2);
    const f = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f });
    expect((await engine.sync()).ok).toBe(false);
    expect(engine.current.phase).toBe('offline');
    expect(await repo.counts()).toEqual({ waiting: 2, attention: 0 });
  });

  it('reports a revoked device with the server message and keeps the bundles', async () => {
    const repo = await setup(1);
    const { f } = fakeFetch(() => ({ status: 401 }));
    const engine = new SyncEngine({ outbox: repo, getToken: async () => 't', fetch: f });
    await engine.sync();
    expect(engine.current).toMatchObject({ phase: 'revoked', message: 'Server says no' });
    expect(await repo.counts()).toEqual({ waiting: 1, attention: 0 });
  });

  it('on a link too slow for a full batch in time, the next run sends half as much; a quick answer grows it back', async () => {
    const repo = await setup(160);
    // a link that takes 5 ms per bundle: 100 need 500 ms, past the 300 ms limit; 50 need 250 ms
    let msPerItem = 5;
    const batches: number[] = [];
    const itemsOf = (init: RequestInit) => (JSON.parse(String(init.body)) as { items: { id: string }[] }).items;
    const link = slowLink((_url, init) => {
      batches.push(itemsOf(init).length);
      return itemsOf(init).length * msPerItem;
    }, fakeFetch(ok).f);
    const engine = new SyncEngine({ ...noBackoff(repo, link), maxItems: 100, pipeline: 1, requestTimeoutMs: 300 });
    expect(await engine.sync()).toEqual({ sent: 0, attention: 0, ok: false });
    expect(engine.current.phase).toBe('slow');
    expect(await repo.counts()).toEqual({ waiting: 160, attention: 0 });
    // half as much each time, and 50 arrive in time (250 ms is not quick enough to grow again)
    expect(await engine.sync()).toEqual({ sent: 160, attention: 0, ok: true });
    expect(batches).toEqual([100, 50, 50, 50, 10]);
    // the link gets fast: a full batch answered in under a quarter of the limit doubles the next, up to the most
    msPerItem = 0;
    batches.length = 0;
    for (let i = 0; i < 250; i++) await repo.add(record(i, 'id-x', 2));
    expect(await engine.sync()).toEqual({ sent: 250, attention: 0, ok: true });
    expect(batches).toEqual([50, 100, 100]);
  });

  it("the engine's first batch carries at most 2 MB; quick answers let the next carry twice as much, up to the server's limit", async () => {
    const handle = openBletherDB(`engine-test-${++n}`);
    const repo = outboxRepo(() => handle);
    // bundles of 512 KB each (their size is what batching goes by)
    for (let i = 0; i < 30; i++) await repo.add({ ...record(i), size: 512 * 1024 });
    const { f, batches } = fakeFetch(ok);
    const engine = new SyncEngine({ ...noBackoff(repo, f), pipeline: 1 });
    expect(await engine.sync()).toEqual({ sent: 30, attention: 0, ok: true });
    // 2 MB, then 4 MB, then the most a batch may carry (8 MB less room for its JSON: 15 of them)
    expect(batches.map((b) => b.length)).toEqual([4, 8, 15, 3]);
  });

  it('a request that never answers ends the run after its timeout, shown as a slow connection, keeps everything, and goes again', async () => {
    const repo = await setup(3);
    // a connection that stalls: nothing comes back until the request is given up
    const stalled = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as unknown as typeof fetch;
    let answer = stalled;
    const engine = new SyncEngine({ ...noBackoff(repo, (u, i) => answer(u, i)), requestTimeoutMs: 50 });
    expect(await engine.sync()).toEqual({ sent: 0, attention: 0, ok: false });
    expect(engine.current.phase).toBe('slow');
    expect(await repo.counts()).toEqual({ waiting: 3, attention: 0 });
    answer = fakeFetch(ok).f;
    expect(await engine.sync()).toEqual({ sent: 3, attention: 0, ok: true });
  });
});
