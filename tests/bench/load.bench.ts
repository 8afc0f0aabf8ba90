/**
 * `npm run bench:load`: 200 simulated devices each send 50 bundles in batches, with random faults
 * (connections dropped mid-request, retries of batches already stored, slow clients), first against one
 * instance on SQLite, then against two instances on one PostgreSQL behind a round-robin proxy.
 * Prints a table, then as the last line one JSON object (the PostgreSQL run, with the SQLite run inside).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/index';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import type { PublishedEngagement } from '../../src/shared/engagement';
import type { SyncItem } from '../../src/shared/protocol';
import { sealedItem } from '../support/bundles';
import { createDatabase, startPostgres } from '../support/pg';
import { roundRobinProxy } from '../support/proxy';
import { pgQuery, type RunningServer, startServer } from '../support/server-process';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200);
const PER_DEVICE = Number(process.env.BENCH_PER_DEVICE ?? 50);
const FAULT_RATE = 0.05;

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Post {
  status: number;
  body: string;
  ms: number;
}

/** POST JSON; `slow` writes the body in small pieces with pauses; `dropAfterMs` destroys the socket mid-request. */
function post(url: string, token: string, body: string, opts: { slow?: boolean; dropAfterMs?: number } = {}): Promise<Post> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.dropAfterMs !== undefined) setTimeout(() => req.destroy(new Error('dropped')), opts.dropAfterMs);
    if (opts.slow) {
      const buf = Buffer.from(body);
      const step = Math.ceil(buf.length / 5);
      let i = 0;
      const next = () => {
        if (i >= buf.length) return req.end();
        req.write(buf.subarray(i, i + step));
        i += step;
        setTimeout(next, 20);
      };
      next();
    } else req.end(body);
  });
}

interface RunResult {
  db: string;
  instances: number;
  devices: number;
  bundles_sent: number;
  bundles_stored: number;
  duplicates: number;
  duplicate_answers: number;
  dropped_connections: number;
  retried_batches: number;
  slow_requests: number;
  p50_ms: number;
  p99_ms: number;
  ingest_per_s: number;
  /** opened (decrypted and validated) into `bundles` by the background opener when the run ended */
  bundles_opened: number;
}

async function device(
  url: string,
  token: string,
  items: SyncItem[],
  stats: { latencies: number[]; dupAnswers: number; dropped: number; retried: number; slow: number },
) {
  let i = 0;
  while (i < items.length) {
    const size = 5 + Math.floor(rand() * 11);
    const batch = items.slice(i, i + size);
    const body = JSON.stringify({ items: batch, queueSize: items.length - i });
    for (let attempt = 0; ; attempt++) {
      const fault = rand();
      const drop = fault < FAULT_RATE;
      const slow = !drop && fault < FAULT_RATE * 2;
      if (slow) stats.slow++;
      try {
        const res = await post(`${url}/api/sync/batches`, token, body, { slow, dropAfterMs: drop ? Math.floor(rand() * 15) : undefined });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
        stats.latencies.push(res.ms);
        const results = (JSON.parse(res.body) as { results: { status: string }[] }).results;
        stats.dupAnswers += results.filter((r) => r.status === 'duplicate').length;
        if (results.some((r) => r.status !== 'stored' && r.status !== 'duplicate'))
          throw new Error(`unexpected result ${res.body.slice(0, 200)}`);
        break;
      } catch (e) {
        if ((e as Error).message !== 'dropped' && !(e as NodeJS.ErrnoException).code) throw e;
        stats.dropped++;
        if (attempt > 20) throw new Error('too many drops');
      }
    }
    // a device that lost the answer sends the same batch again
    if (rand() < FAULT_RATE) {
      stats.retried++;
      const res = await post(`${url}/api/sync/batches`, token, body);
      const results = (JSON.parse(res.body) as { results: { status: string }[] }).results;
      stats.dupAnswers += results.filter((r) => r.status === 'duplicate').length;
    }
    i += size;
  }
}

async function run(
  label: string,
  db: 'sqlite' | 'postgres',
  instances: number,
  sealed: (e: PublishedEngagement) => Promise<SyncItem[][]>,
): Promise<RunResult> {
  const serverKey = crypto.randomBytes(32).toString('base64');
  let databaseUrl = '';
  let cluster: Awaited<ReturnType<typeof startPostgres>> | null = null;
  if (db === 'postgres') {
    cluster = await startPostgres();
    databaseUrl = await createDatabase(cluster.url);
  }
  const env: Record<string, string> = {
    BLETHER_SERVER_KEY: serverKey,
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  buildIfStale();
  const first = await startServer({ env });
  const servers: RunningServer[] = [first];
  for (let k = 1; k < instances; k++) servers.push(await startServer({ env }));
  const proxy = instances > 1 ? await roundRobinProxy(servers.map((s) => s.url)) : null;
  const url = proxy?.url ?? first.url;
  try {
    // 200 devices enrolled straight into the database: the API limits enrolment to 10 a minute per address
    const database = await openDatabase(loadConfig({ DATA_DIR: first.dataDir, DATABASE_URL: databaseUrl }));
    const tokens: string[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const { code } = await createEnrolmentCode(database.db, null);
      tokens.push((await enrolDevice(database.db, { code, name: `bench ${d}` })).token);
    }
    await database.close();
    const list = await new Promise<string>((resolve, reject) =>
      http
        .get(`${url}/api/device/engagements`, { headers: { authorization: `Bearer ${tokens[0]}` } }, (res) => {
          let t = '';
          res.on('data', (d) => {
            t += d;
          });
          res.on('end', () => resolve(t));
        })
        .on('error', reject),
    );
    const engagement = (JSON.parse(list) as { engagements: PublishedEngagement[] }).engagements[0] as PublishedEngagement;
    const perDevice = await sealed(engagement);
    const stats = { latencies: [] as number[], dupAnswers: 0, dropped: 0, retried: 0, slow: 0 };
    const t0 = performance.now();
    await Promise.all(tokens.map((t, d) => device(url, t, perDevice[d] as SyncItem[], stats)));
    const seconds = (performance.now() - t0) / 1000;
    // stored = acknowledged: durably in the inbox (the server opens bundles into `bundles` after answering)
    const count = async (table: 'inbox' | 'bundles') => {
      const q = `select count(*) n, count(distinct id) u from ${table}`;
      if (databaseUrl) {
        const [r] = await pgQuery<{ n: string; u: string }>(databaseUrl, q);
        return { n: Number(r?.n), u: Number(r?.u) };
      }
      const [r] = first.query<{ n: number; u: number }>(q);
      return { n: Number(r?.n), u: Number(r?.u) };
    };
    const { n, u } = await count('inbox');
    const openStart = performance.now();
    let opened = await count('bundles');
    while (opened.n < n && performance.now() - openStart < 300_000) {
      await new Promise((r) => setTimeout(r, 250));
      opened = await count('bundles');
    }
    const sorted = stats.latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
    const result: RunResult = {
      db,
      instances,
      devices: DEVICES,
      bundles_sent: DEVICES * PER_DEVICE,
      bundles_stored: n,
      duplicates: n - u,
      duplicate_answers: stats.dupAnswers,
      dropped_connections: stats.dropped,
      retried_batches: stats.retried,
      slow_requests: stats.slow,
      p50_ms: pct(50),
      p99_ms: pct(99),
      ingest_per_s: Math.round((DEVICES * PER_DEVICE) / seconds),
      bundles_opened: opened.n,
    };
    console.log(`\n${label}`);
    console.table(result);
    return result;
  } finally {
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    cluster?.stop();
  }
}

async function main() {
  // Sealing is the devices' work, done before the clock starts: ECDH + AES per bundle, as on a tablet.
  let cache: SyncItem[][] | null = null;
  const sealed = async (e: PublishedEngagement) => {
    // each run has its own engagement key, so bundles are sealed per run
    cache = [];
    for (let d = 0; d < DEVICES; d++) {
      const items: SyncItem[] = [];
      for (let b = 0; b < PER_DEVICE; b++) items.push(await sealedItem(e));
      cache.push(items);
    }
    return cache;
  };
  const sqlite = await run('SQLite, one instance', 'sqlite', 1, sealed);
  const postgres = await run('PostgreSQL, two instances behind a round-robin proxy', 'postgres', 2, sealed);
  const ok = (r: RunResult) => r.bundles_stored === r.bundles_sent && r.duplicates === 0;
  console.log(
    `\nBar (stored = sent, duplicates 0): SQLite ${ok(sqlite) ? 'met' : 'NOT MET'}, PostgreSQL ${ok(postgres) ? 'met' : 'NOT MET'}`,
  );
  agent.destroy();
  console.log(JSON.stringify({ ...postgres, sqlite }));
  if (!ok(sqlite) || !ok(postgres)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
