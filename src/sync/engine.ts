/**
 * The client sync engine (DESIGN.md, sync protocol points 3-6): when a run starts and what its end means. A run
 * (run.ts) sends the waiting bundles in batches bounded by count and bytes, removes a bundle only after `stored`
 * or `duplicate`, keeps `conflict` and `rejected` with their reason, and halves the batch on 413; the engine
 * backs off exponentially with jitter on failure, tells the facilitator what happened, reports closed sessions
 * after the bundles, and lets only one tab send at a time (Web Locks).
 */
import type { OutboxRepo } from '../db/outbox';
import { type SessionReport, SYNC_LIMITS } from '../shared/protocol';
import { REQUEST_TIMEOUT_MS, timeLimited } from '../shared/request';
import { dueRefused } from './attachments';
import { SyncRun } from './run';
import { isTimeout, Sizing } from './sizing';
import { HttpStatusError, postSessions } from './wire';

const noop = () => {};

/** Batches on the wire at once. */
const PIPELINE = 2;

/** `slow`: a request ran out of time (a slow or stalled connection: the next try sends less, sizing.ts) */
export type SyncPhase = 'idle' | 'sending' | 'offline' | 'slow' | 'error' | 'revoked';

export interface SyncStatus {
  phase: SyncPhase;
  /** bundles sent in the current run, and how many there were to send */
  progress: { sent: number; total: number };
  /** bundles in the request on the wire now */
  inFlight: number;
  lastSuccessAt: string | null;
  /** plain words for the facilitator when something is wrong */
  message: string | null;
}

export interface SyncEngineOptions {
  outbox: OutboxRepo;
  getToken: () => Promise<string | null>;
  fetch?: typeof fetch;
  onStatus?: (s: SyncStatus) => void;
  onLastSuccess?: (iso: string) => void;
  /** called with how many bundles the server took (stored or duplicate) after each batch */
  onSent?: (count: number) => void;
  maxItems?: number;
  maxBytes?: number;
  /** batches on the wire at once (default 2) */
  pipeline?: number;
  /** bytes per attachment chunk */
  chunkBytes?: number;
  /** closed sessions to report after the bundles (DESIGN.md Session); absent in tests that need none */
  sessions?: {
    unreported: () => Promise<SessionReport[]>;
    markReported: (ids: string[]) => Promise<void>;
  };
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /**
   * How long one request may take, answer included (venue Wi-Fi that stalls, a captive portal that never
   * answers, a link too slow for what is sent): the run ends as `slow` and tries again after its backoff with
   * less in each request (sizing.ts), rather than showing "sending" for ever.
   */
  requestTimeoutMs?: number;
  /**
   * True while the device must go quiet (an app update is being applied): a run under way sends no new batch,
   * lets those on the wire land, and ends; what is left waits for the next run. A run asked for meanwhile does
   * not start.
   */
  shouldStop?: () => boolean;
  random?: () => number;
}

export interface SyncReport {
  sent: number;
  attention: number;
  ok: boolean;
}

/**
 * Bytes of bundles and attachments in one batch at most: the server's limit, less room for the JSON around them
 * (a comma each, and the list of attachments inside: under 50 KB at most).
 */
const BATCH_BYTES = SYNC_LIMITS.maxBatchBytes - 256 * 1024;

export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', progress: { sent: 0, total: 0 }, inFlight: 0, lastSuccessAt: null, message: null };
  private failures = 0;
  private nextAttemptAt = 0;
  /** what one batch and one chunk carry, fitted to the link (sizing.ts); kept from run to run */
  private readonly sizing: Sizing;
  private running: Promise<SyncReport> | null = null;
  /** the run asked for while one was under way, and whether any of those asks forced it */
  private again: Promise<SyncReport> | null = null;
  private forceAgain = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.sizing = new Sizing(
      {
        items: opts.maxItems ?? SYNC_LIMITS.maxItems,
        bytes: opts.maxBytes ?? BATCH_BYTES,
        chunk: opts.chunkBytes ?? SYNC_LIMITS.chunkBytes,
      },
      opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    );
  }

  get current(): SyncStatus {
    return this.status;
  }

  private set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    this.opts.onStatus?.(this.status);
  }

  /** When the engine may try again after failures (ms since epoch); 0 when it may now. */
  get retryAt(): number {
    return this.nextAttemptAt;
  }

  /** Delay before the next try: exponential, capped, with full jitter so many devices do not stampede. */
  backoffDelay(failures: number): number {
    const base = this.opts.backoffBaseMs ?? 2_000;
    const cap = this.opts.backoffCapMs ?? 5 * 60_000;
    const exp = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
    return Math.round(exp / 2 + (this.opts.random ?? Math.random)() * (exp / 2));
  }

  /**
   * Sends everything waiting. `force` ignores backoff (the "Sync now" button). Asked while a run is under
   * way, it runs once more after that one (however often it is asked meanwhile): the run under way may have
   * read its queue before what the caller just saved, or have failed before the connection came back.
   */
  sync(force = false): Promise<SyncReport> {
    if (this.running) {
      this.forceAgain ||= force;
      // after the run under way, however it ended
      this.again ??= this.running.then(noop, noop).then(() => {
        const again = this.forceAgain;
        this.again = null;
        this.forceAgain = false;
        return this.opts.shouldStop?.() ? { sent: 0, attention: 0, ok: false } : this.sync(again);
      });
      return this.again;
    }
    if (!force && Date.now() < this.nextAttemptAt) return Promise.resolve({ sent: 0, attention: 0, ok: false });
    const run = async () => {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      if (!locks) return this.runOnce();
      // Only one tab sends; another tab that finds the lock taken just skips this round.
      const result = await locks.request('blether-sync', { ifAvailable: true }, (lock) =>
        lock ? this.runOnce() : Promise.resolve<SyncReport>({ sent: 0, attention: 0, ok: true }),
      );
      return result;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<SyncReport> {
    const token = await this.opts.getToken();
    if (!token) return { sent: 0, attention: 0, ok: false };
    // an answer whose upload was refused goes again, first, once its wait is over
    const due = await dueRefused(this.opts.outbox);
    const total = (await this.opts.outbox.counts()).waiting + due.length;
    if (total === 0) {
      try {
        await this.reportSessions(token);
      } catch (e) {
        return this.failed(e, 0, 0, 0);
      }
      this.set({ phase: 'idle', progress: { sent: 0, total: 0 }, message: null });
      return { sent: 0, attention: 0, ok: true };
    }
    this.set({ phase: 'sending', progress: { sent: 0, total }, message: null });
    const run = new SyncRun(
      {
        outbox: this.opts.outbox,
        fetch: this.fetcher,
        token,
        sizing: this.sizing,
        pipeline: this.opts.pipeline ?? PIPELINE,
        shouldStop: this.opts.shouldStop,
        onSent: this.opts.onSent,
        onProgress: (done) => this.set({ progress: { sent: done, total } }),
        onInFlight: (count) => this.set({ inFlight: count }),
      },
      total,
      due,
    );
    try {
      await run.send();
      if (!this.opts.shouldStop?.()) await this.reportSessions(token);
    } catch (e) {
      return this.failed(e, run.sent, run.attention, run.retry);
    }
    this.failures = 0;
    this.nextAttemptAt = 0;
    const now = new Date().toISOString();
    this.opts.onLastSuccess?.(now);
    this.set({ phase: 'idle', lastSuccessAt: now, message: null, inFlight: 0 });
    return { sent: run.sent, attention: run.attention, ok: true };
  }

  /** Backs off, and tells the facilitator what went wrong in the words the server gave. */
  private failed(e: unknown, sent: number, attention: number, retry: number): SyncReport {
    this.failures++;
    this.nextAttemptAt = Date.now() + this.backoffDelay(this.failures);
    this.set({ inFlight: 0 });
    if (e instanceof HttpStatusError && e.status === 401) {
      this.set({ phase: 'revoked', message: e.body?.message ?? null });
    } else if (e instanceof HttpStatusError) {
      this.set({ phase: 'error', message: e.body?.message ?? null });
    } else if (isTimeout(e)) {
      this.set({ phase: 'slow', message: null });
    } else {
      this.set({ phase: retry > 0 ? 'error' : 'offline', message: null });
    }
    return { sent, attention, ok: false };
  }

  /** Closed sessions go after the bundles: the server files them by id, so a resend is harmless. */
  private async reportSessions(token: string): Promise<void> {
    const s = this.opts.sessions;
    if (!s) return;
    const reports = await s.unreported();
    if (reports.length === 0) return;
    await s.markReported(await postSessions(this.fetcher, token, reports));
  }

  private get fetcher(): typeof fetch {
    const f = this.opts.fetch ?? ((input, init) => fetch(input, init));
    return (input, init) => f(input, timeLimited(init, this.opts.requestTimeoutMs));
  }
}
