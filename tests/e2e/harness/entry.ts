/**
 * A test and benchmark harness bundled from the app's OWN modules (finishBundle, the outbox, the sync
 * engine) and loaded into a real Chromium page on the app's origin. It lets fault tests and the benchmark
 * drive the real code at speed without clicking through a journey for every bundle.
 */
import { getEngagement, listEngagements, saveEngagements } from '../../../src/db/engagements';
import { outbox } from '../../../src/db/index';
import { setMeta } from '../../../src/db/meta';
import { db } from '../../../src/db/open';
import { sealedBytes } from '../../../src/db/records';
import type { OutboxRecord } from '../../../src/db/schema';
import { finishBundle } from '../../../src/device/finish';
import { sha256Hex } from '../../../src/shared/bytes';
import type { PublishedEngagement } from '../../../src/shared/engagement';
import { SyncEngine, type SyncEngineOptions } from '../../../src/sync/engine';

let token = '';

async function enrol(code: string): Promise<{ deviceId: string; token: string }> {
  const res = await fetch('/api/devices/enrol', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'Harness tablet' }),
  });
  if (!res.ok) throw new Error(`enrol: HTTP ${res.status}`);
  const body = (await res.json()) as { deviceId: string; token: string };
  token = body.token;
  await setMeta('identity', { deviceId: body.deviceId, token: body.token, name: 'Harness tablet' });
  const list = (await (await fetch('/api/device/engagements', { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    engagements: PublishedEngagement[];
  };
  await saveEngagements(list.engagements);
  return body;
}

async function useIdentity(): Promise<void> {
  const id = (await (await db()).get('meta', 'identity')) as { token: string } | undefined;
  token = id?.token ?? '';
}

/**
 * Finishes `count` bundles, each with a receipt of `receiptBytes` (0: none); returns ids and times (ms), and
 * of each the time its one transaction took (`storeMs`: the rest is sealing).
 */
async function save(
  count: number,
  receiptBytes = 0,
  announce = false,
): Promise<{ ids: string[]; ms: number[]; storeMs: number[]; error: string | null }> {
  const [first] = await listEngagements();
  const engagement = first && (await getEngagement(first.slug));
  if (!engagement) throw new Error('no engagement on the device');
  const ids: string[] = [];
  const ms: number[] = [];
  const storeMs: number[] = [];
  const receipt = new Uint8Array(receiptBytes);
  for (let i = 0; i < receipt.length; i += 65536) crypto.getRandomValues(receipt.subarray(i, i + 65536));
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    try {
      const { id } = await finishBundle({
        engagement,
        answers: { visit: { yesno: 'yes' }, feel: { face: 4 }, else: { text: `Bundle ${i}: more seats, please` } },
        locale: 'en',
        format: 'standard',
        consentAt: new Date().toISOString(),
        // the photo as the device holds it before the participant finishes (finishBundle only reads it): a
        // copy made here would be timed as part of the save
        attachments: receiptBytes > 0 ? [{ kind: 'receipt', type: 'image/jpeg', bytes: receipt }] : [],
        // the app's own write (outbox.add, as finishBundle makes it when no cash changes hands), timed
        store: async (r, a) => {
          const s0 = performance.now();
          await outbox.add(r, a);
          storeMs.push(performance.now() - s0);
        },
      });
      ms.push(performance.now() - t0);
      ids.push(id);
      if (announce) console.debug(`blether-saved ${ids.length}`);
    } catch (e) {
      return { ids, ms, storeMs, error: (e as Error).name };
    }
  }
  return { ids, ms, storeMs, error: null };
}

async function put(records: OutboxRecord[]): Promise<void> {
  for (const r of records) await outbox.add(r);
}

/** Time spent in the device's own IndexedDB work during a sync (reading the queue, removing what was sent). */
const idbMs = { waiting: 0, remove: 0, attachment: 0 };
/** Each step of a timed sync as [name, start ms, end ms], to see what a batch waited for. */
const timeline: [string, number, number][] = [];
function timedOutbox(): typeof outbox {
  const time =
    <A extends unknown[], R>(name: keyof typeof idbMs, fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await fn(...a);
      } finally {
        idbMs[name] += performance.now() - t0;
        timeline.push([name, t0, performance.now()]);
      }
    };
  return {
    ...outbox,
    waitingAfter: time('waiting', outbox.waitingAfter),
    remove: time('remove', outbox.remove),
    attachment: time('attachment', outbox.attachment),
  };
}

async function sync(opts: Partial<SyncEngineOptions> = {}) {
  const engine = new SyncEngine({ outbox: timedOutbox(), getToken: async () => token, ...opts });
  return engine.sync(true);
}

/**
 * One engine, as the open app has, syncing again after each failed run (as its backoff would) until everything
 * is sent or `runs` are used: what it learnt of the link in one run carries to the next. Each run's report.
 */
async function syncRuns(opts: Partial<SyncEngineOptions>, runs: number) {
  const engine = new SyncEngine({ outbox: timedOutbox(), getToken: async () => token, ...opts });
  const reports: Awaited<ReturnType<SyncEngine['sync']>>[] = [];
  for (let i = 0; i < runs && !reports.at(-1)?.ok; i++) reports.push(await engine.sync(true));
  return reports;
}

/** Syncs and times it, with the time spent in batch requests (the server's ingest) on its own. */
async function timedSync(opts: Partial<SyncEngineOptions> = {}) {
  let batchMs = 0;
  let serverMs = 0;
  let batches = 0;
  let uploadMs = 0;
  let uploads = 0;
  let uploadServerMs = 0;
  const timed: typeof fetch = async (input, init) => {
    const isBatch = String(input).endsWith('/api/sync/batches');
    const t0 = performance.now();
    // DevTools, which drives this Chromium, copies every string request body it sees (about 0.4 ms per KB
    // here: a 600 KB batch took 250 to 390 ms to post, 30 to 70 ms in the same Chromium without DevTools); it
    // does not copy a Blob's, so a large body goes as a Blob and the timing is the device's, not DevTools'.
    // A small one stays a string: there the copy costs less than making a Blob, which a device would not do
    const big = typeof init?.body === 'string' && init.body.length > 64 * 1024;
    const res = await fetch(input, big ? { ...init, body: new Blob([init.body as string]) } : init);
    timeline.push([isBatch ? 'post' : 'put', t0, performance.now()]);
    if (!isBatch) {
      uploadMs += performance.now() - t0;
      uploadServerMs += Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? 0);
      uploads++;
    }
    if (isBatch) {
      await res.clone().arrayBuffer();
      const dur = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? 0);
      serverMs += dur;
      timeline.push(['ingest', t0, t0 + dur]);
      batches++;
    }
    return res;
  };
  Object.assign(idbMs, { waiting: 0, remove: 0, attachment: 0 });
  timeline.length = 0;
  const t0 = performance.now();
  const report = await sync({ ...opts, fetch: timed });
  const steps = timeline.map(([n, a, b]) => [n, a - t0, b - t0] as [string, number, number]);
  // time with at least one batch on the wire (two can be at once: their times overlap)
  let wireEnd = 0;
  for (const [, a, b] of steps.filter(([n]) => n === 'post').sort((x, y) => x[1] - y[1])) {
    batchMs += Math.max(0, b - Math.max(a, wireEnd));
    wireEnd = Math.max(wireEnd, b);
  }
  return {
    report,
    ms: performance.now() - t0,
    batchMs,
    serverMs,
    batches,
    uploadMs,
    uploadServerMs,
    uploads,
    idb: { ...idbMs },
    timeline: steps,
  };
}

/** Every bundle has all its attachments, hashes match, and no attachment is left without its bundle. */
async function integrity(): Promise<{ bundles: number; attachments: number; problems: string[] }> {
  const d = await db();
  const bundles = await d.getAll('outbox');
  const attachments = await d.getAll('attachments');
  const problems: string[] = [];
  const byId = new Set(bundles.map((b) => b.id));
  for (const a of attachments) {
    if (!byId.has(a.bundleId)) problems.push(`orphan attachment ${a.sha256}`);
    if ((await sha256Hex(await sealedBytes(a.bytes))) !== a.sha256) problems.push(`bad bytes ${a.sha256}`);
  }
  const have = new Set(attachments.map((a) => a.sha256));
  for (const b of bundles) for (const sha of b.attachments) if (!have.has(sha)) problems.push(`missing attachment of ${b.id}`);
  return { bundles: bundles.length, attachments: attachments.length, problems };
}

async function ids(): Promise<{ waiting: string[]; attention: string[] }> {
  const all = await (await db()).getAll('outbox');
  return {
    waiting: all.filter((r) => r.state === 'waiting').map((r) => r.id),
    attention: all.filter((r) => r.state === 'attention').map((r) => r.id),
  };
}

const harness = {
  enrol,
  useIdentity,
  save,
  put,
  sync,
  syncRuns,
  timedSync,
  integrity,
  ids,
  counts: () => outbox.counts(),
  waiting: () => outbox.waiting(),
};
(globalThis as unknown as { __blether: typeof harness }).__blether = harness;
export type Harness = typeof harness;
