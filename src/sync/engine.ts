/**
 * The client sync engine (DESIGN.md, sync protocol points 3-6): sends waiting bundles in batches bounded
 * by count and bytes, removes a bundle only after `stored` or `duplicate`, keeps `conflict` and `rejected`
 * with their reason, halves the batch on 413, backs off exponentially with jitter on failure, and lets
 * only one tab send at a time (Web Locks).
 */
import type { OutboxRepo } from '../db/outbox';
import { wireItem } from '../db/records';
import type { OutboxRecord } from '../db/schema';
import type { ItemResult, SessionReport, SyncBatchResponse } from '../shared/protocol';
import { timeLimited } from '../shared/request';
import { dueRefused, type Refusal, refusalDelay, UploadError, Uploads, uploadAttachment } from './attachments';
import { QueueReader } from './queue';

const noop = () => {};

/** Batches on the wire at once. */
const PIPELINE = 2;
/**
 * Bytes of attachments read with each page of the queue (the rest are read as they are sent): a few pages
 * are read ahead, so this bounds what waits in memory.
 */
const PAGE_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export type SyncPhase = 'idle' | 'sending' | 'offline' | 'error' | 'revoked';

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
   * How long one request may take, answer included, before it counts as a dropped connection (venue Wi-Fi
   * that stalls, a captive portal that never answers): the run ends as offline and tries again after its
   * backoff, rather than showing "sending" for ever. Long enough for a full batch on a slow mobile link.
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

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string } | null,
  ) {
    super(`HTTP ${status}`);
  }
}

export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', progress: { sent: 0, total: 0 }, inFlight: 0, lastSuccessAt: null, message: null };
  private failures = 0;
  private nextAttemptAt = 0;
  private maxItems: number;
  private readonly maxBytes: number;
  private running: Promise<SyncReport> | null = null;
  /** the run asked for while one was under way, and whether any of those asks forced it */
  private again: Promise<SyncReport> | null = null;
  private forceAgain = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.maxItems = opts.maxItems ?? 500;
    this.maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
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
    let sent = 0;
    let attention = 0;
    let retry = 0;
    let answeredSoFar = 0;
    let onTheWire = 0;
    this.set({ phase: 'sending', progress: { sent: 0, total }, message: null });
    let removing: Promise<void> = Promise.resolve();
    const uploads = new Uploads((sha, read) => uploadAttachment(this.fetcher, token, this.opts.outbox, sha, this.opts.chunkBytes, read));
    // each page's attachments start on their way as it is read, in queue order, a few at a time: later
    // batches' receipts travel while earlier batches are on the wire, and each batch waits only for its own
    const queue = new QueueReader(
      this.opts.outbox,
      this.maxItems,
      (page, read) =>
        uploads.prefetch(
          page.flatMap((b) => b.attachments),
          read,
        ),
      due,
      2,
      PAGE_ATTACHMENT_BYTES,
    );

    /** What the server answered for one batch: forget what it took, keep the rest with its reason. */
    const answered = async (batch: OutboxRecord[], results: ItemResult[]) => {
      const done = new Set<string>();
      for (const r of results) {
        if (r.status === 'stored' || r.status === 'duplicate') done.add(r.id);
        else if (r.status === 'retry') retry++;
        else {
          await this.opts.outbox.markAttention(r.id, r.status, r.reason ?? '');
          attention++;
        }
      }
      answeredSoFar += results.length;
      // the next page's read is made before this batch's removal: IndexedDB runs transactions on the same
      // store in the order they are made, so a read made after the removal would wait for it
      queue.readAhead().catch(() => {});
      // the device forgets what the server took while the next batches are on the wire, all of a batch in
      // one transaction (a crash before it forgets means a resend, answered `duplicate`: nothing lost,
      // nothing doubled)
      const taken = batch.filter((b) => done.has(b.id));
      removing = removing.then(async () => {
        await this.opts.outbox.remove(taken);
        sent += taken.length;
        if (taken.length > 0) this.opts.onSent?.(taken.length);
        this.set({ progress: { sent: sent + attention, total } });
      });
      removing.catch(() => {});
      if (new Set(results.map((r) => r.id)).size < batch.length) throw new Error('The server did not answer for every bundle');
    };

    /** Posts one batch; a batch too large for the server goes back to the queue, halved next time. */
    const send = async (batch: OutboxRecord[]) => {
      onTheWire += batch.length;
      this.set({ inFlight: onTheWire });
      try {
        await answered(batch, await this.post(token, batch, Math.max(batch.length, total - answeredSoFar)));
      } catch (e) {
        if (!(e instanceof HttpStatusError && e.status === 413 && batch.length > 1)) throw e;
        this.maxItems = Math.min(this.maxItems, Math.max(1, Math.floor(batch.length / 2)));
        queue.putBack(batch);
      } finally {
        onTheWire -= batch.length;
        this.set({ inFlight: onTheWire });
      }
    };

    // up to PIPELINE batches on the wire at once: the server takes one in while the device sends the next,
    // and each is answered on its own (the server stores by id, so the order they land in does not matter)
    const wire: Promise<void>[] = [];
    try {
      for (;;) {
        const batch = this.opts.shouldStop?.() ? [] : await queue.take(this.maxItems, (ready) => this.takeBatch(ready));
        if (batch.length === 0) {
          // nothing ready: done, unless a batch on the wire comes back too large and is put back
          if (wire.length === 0) break;
          await wire.shift();
          continue;
        }
        // the next page is read while this batch is on the wire
        queue.readAhead().catch(() => {});
        // attachments first: the server takes a bundle only once everything it names has arrived
        const refused = await uploads.ensure(batch.flatMap((b) => b.attachments));
        const held = batch.filter((b) => b.attachments.some((h) => refused.has(h)));
        if (held.length > 0) {
          await this.holdRefused(held, refused);
          attention += held.length;
          answeredSoFar += held.length;
          // the rest of the batch goes with the next one
          queue.putBack(batch.filter((b) => !held.includes(b)));
          continue;
        }
        const sending = send(batch);
        sending.catch(() => {});
        wire.push(sending);
        if (wire.length >= (this.opts.pipeline ?? PIPELINE)) await wire.shift();
      }
      await removing;
      if (retry > 0) throw new Error('Some attachments have not reached the server yet');
      if (!this.opts.shouldStop?.()) await this.reportSessions(token);
      this.failures = 0;
      this.nextAttemptAt = 0;
      const now = new Date().toISOString();
      this.opts.onLastSuccess?.(now);
      this.set({ phase: 'idle', lastSuccessAt: now, message: null, inFlight: 0 });
      return { sent, attention, ok: true };
    } catch (e) {
      // what is still on the wire lands (or fails) first: a batch the server took is then forgotten
      await Promise.allSettled(wire);
      await removing.catch(() => {});
      return this.failed(e, sent, attention, retry);
    } finally {
      // pages still being read ahead start no uploads once the run is over
      queue.close();
    }
  }

  /** Bundles whose upload the server refused wait for attention, and go again after a doubling wait. */
  private async holdRefused(held: OutboxRecord[], refused: Map<string, Refusal>): Promise<void> {
    for (const b of held) {
      const reason = b.attachments.map((h) => refused.get(h)?.reason).find(Boolean) ?? '';
      await this.opts.outbox.markAttention(b.id, 'refused', reason, new Date(Date.now() + refusalDelay(b.attempts + 1)).toISOString());
    }
  }

  /** Backs off, and tells the facilitator what went wrong in the words the server gave. */
  private failed(e: unknown, sent: number, attention: number, retry: number): SyncReport {
    this.failures++;
    this.nextAttemptAt = Date.now() + this.backoffDelay(this.failures);
    this.set({ inFlight: 0 });
    if ((e instanceof HttpStatusError || e instanceof UploadError) && e.status === 401) {
      this.set({ phase: 'revoked', message: e.body?.message ?? null });
    } else if (e instanceof HttpStatusError || e instanceof UploadError) {
      this.set({ phase: 'error', message: e.body?.message ?? null });
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
    const res = await this.fetcher('/api/sync/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ sessions: reports.slice(0, 100) }),
    });
    if (!res.ok) throw new HttpStatusError(res.status, await res.json().catch(() => null));
    await s.markReported(reports.slice(0, 100).map((r) => r.id));
  }

  private takeBatch(queue: OutboxRecord[]): OutboxRecord[] {
    const batch: OutboxRecord[] = [];
    let bytes = 0;
    for (const rec of queue) {
      if (batch.length >= this.maxItems) break;
      if (batch.length > 0 && bytes + rec.size > this.maxBytes) break;
      batch.push(rec);
      bytes += rec.size;
    }
    return batch;
  }

  private get fetcher(): typeof fetch {
    const f = this.opts.fetch ?? ((input, init) => fetch(input, init));
    return (input, init) => f(input, timeLimited(init, this.opts.requestTimeoutMs));
  }

  private async post(token: string, batch: OutboxRecord[], queueSize: number): Promise<ItemResult[]> {
    const res = await this.fetcher('/api/sync/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      // a SyncBatch: each item was serialised (and checked) when its bundle was saved
      body: `{"queueSize":${queueSize},"items":[${batch.map(wireItem).join(',')}]}`,
    });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new HttpStatusError(res.status, body);
    }
    const json = (await res.json()) as SyncBatchResponse;
    return json.results;
  }
}
