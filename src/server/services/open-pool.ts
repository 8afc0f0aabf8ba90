/**
 * The opener's worker threads, one per core: decryption and the schema check are CPU work, so the rows of
 * a slice are split across the threads while the main thread keeps serving requests and does the writes.
 * Threads start on first use and are ended by `close`.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InboxRow } from './ingest';
import type { KeyMap, Outcome } from './open-row';
import type { OpenTask } from './open-worker';

const fromSource = import.meta.url.endsWith('.ts');
let source: Promise<string | URL> | null = null;

/**
 * What a thread runs. A compiled build starts the open-worker.js beside this file. Run from source (tsx,
 * vitest), the thread gets open-worker.ts and what it imports bundled once into one script by esbuild
 * (which comes with tsx): starting tsx's loader in every thread instead takes seconds.
 */
function workerSource(): Promise<string | URL> {
  source ??= fromSource ? bundleFromSource() : Promise.resolve(new URL('./open-worker.js', import.meta.url));
  source.catch(() => {
    source = null;
  });
  return source;
}

async function bundleFromSource(): Promise<string> {
  const esbuild = await import('esbuild');
  const entry = fileURLToPath(new URL('./open-worker.ts', import.meta.url));
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]?.text ?? '';
}

type Pending = { resolve: (o: Outcome[]) => void; reject: (e: unknown) => void };

export class OpenPool {
  private workers: (Worker | undefined)[] = [];
  private code: string | URL | null = null;
  private pending = new Map<number, { worker: Worker } & Pending>();
  private nextTask = 0;
  private closed = false;

  constructor(readonly size = availableParallelism()) {}

  /** Opens the rows across the threads; the outcomes come back in the rows' order. */
  async open(rows: InboxRow[], keys: KeyMap): Promise<Outcome[]> {
    this.code ??= await workerSource();
    const parts = Math.min(this.size, rows.length);
    const per = Math.ceil(rows.length / parts);
    const opened = await Promise.all(Array.from({ length: parts }, (_, i) => this.send(i, rows.slice(i * per, (i + 1) * per), keys)));
    return opened.flat();
  }

  /** Starts every thread now and resolves once each answers (a benchmark times opening, not starting). */
  async warm(): Promise<void> {
    this.code ??= await workerSource();
    await Promise.all(Array.from({ length: this.size }, (_, i) => this.send(i, [], new Map())));
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.filter((w) => w !== undefined);
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private send(slot: number, rows: InboxRow[], keys: KeyMap): Promise<Outcome[]> {
    if (this.closed) return Promise.reject(new Error('the opener pool is closed'));
    const worker = this.workers[slot] ?? this.start(slot);
    const task = this.nextTask++;
    return new Promise<Outcome[]>((resolve, reject) => {
      this.pending.set(task, { worker, resolve, reject });
      worker.postMessage({ task, rows, keys } satisfies OpenTask);
    });
  }

  private start(slot: number): Worker {
    const code = this.code as string | URL;
    const worker = typeof code === 'string' ? new Worker(code, { eval: true }) : new Worker(code);
    worker.on('message', ({ task, outcomes }: { task: number; outcomes: Outcome[] }) => {
      this.pending.get(task)?.resolve(outcomes);
      this.pending.delete(task);
    });
    // a thread that dies fails what it held (the opener retries the slice); the next slice starts a new one
    const fail = (err: unknown) => {
      if (this.workers[slot] === worker) this.workers[slot] = undefined;
      for (const [task, p] of this.pending) {
        if (p.worker !== worker) continue;
        p.reject(err);
        this.pending.delete(task);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`an opener thread exited (${code})`)));
    this.workers[slot] = worker;
    return worker;
  }
}
