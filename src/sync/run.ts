/**
 * One sync run's sending (DESIGN.md, sync protocol points 3-6): the waiting queue goes out in batches bounded by
 * count and bytes, each batch's attachments first, up to `pipeline` batches on the wire at once. A bundle is
 * forgotten only after `stored` or `duplicate`; `conflict` and `rejected` stay with their reason; `retry` stays
 * waiting. The engine (engine.ts) decides when a run starts and what its end means for backoff and status.
 */
import type { OutboxRepo } from '../db/outbox';
import type { OutboxRecord, Sealed } from '../db/schema';
import { type ItemResult, SYNC_LIMITS } from '../shared/protocol';
import { onServer, type Refusal, refusalDelay, tookInline, Uploads, uploadAttachment } from './attachments';
import { QueueReader } from './queue';
import { isTimeout, type Sizing } from './sizing';
import { HttpStatusError, postBatch } from './wire';

/**
 * Bytes of attachments read with each page of the queue (the rest are read as they are sent): a few pages
 * are read ahead, so this bounds what waits in memory (a Blob's bytes stay on disk; an older record's
 * ArrayBuffer is read whole). As much as a batch may carry, so a page's small attachments can fill its batch.
 */
const PAGE_ATTACHMENT_BYTES = SYNC_LIMITS.maxBatchBytes;
/** Pages read ahead beyond the batches taken. */
const READ_AHEAD = 2;

export interface RunOptions {
  outbox: OutboxRepo;
  /** a fetch that gives up after the engine's request time limit */
  fetch: typeof fetch;
  token: string;
  /** what one batch and one attachment chunk carry, fitted to the link and to the server's limit (sizing.ts) */
  sizing: Sizing;
  /** batches on the wire at once */
  pipeline: number;
  /** true once the device must go quiet: no new batch is taken (see engine.ts) */
  shouldStop?: () => boolean;
  /** how many bundles the server took, after each batch */
  onSent?: (count: number) => void;
  /** bundles answered so far (taken, or kept for attention) */
  onProgress: (done: number) => void;
  /** bundles in the requests on the wire now */
  onInFlight: (count: number) => void;
}

export class SyncRun {
  /** bundles the server took */
  sent = 0;
  /** bundles kept for attention (conflict, rejected, or an upload refused) */
  attention = 0;
  /** bundles the server did not take yet because their attachments had not all arrived */
  retry = 0;
  private answeredSoFar = 0;
  private onTheWire = 0;
  /** the removals of answered batches, one after another */
  private removing: Promise<void> = Promise.resolve();
  private readonly wire: Promise<void>[] = [];
  private readonly uploads: Uploads;
  private readonly queue: QueueReader;
  /**
   * Attachments read with their page that are small enough to travel inside their batch (at most one chunk):
   * they make no request of their own (DESIGN.md, sync protocol point 3).
   */
  private readonly small = new Map<string, Blob>();

  /** `total`: bundles to send; `due`: bundles whose refused upload may go again, sent first. */
  constructor(
    private readonly o: RunOptions,
    private readonly total: number,
    due: OutboxRecord[],
  ) {
    this.uploads = new Uploads((sha, read) => uploadAttachment(this.timedChunks, o.token, o.outbox, sha, o.sizing.now.chunk, read));
    // each page's attachments start on their way as it is read, in queue order, a few at a time: later
    // batches' receipts travel while earlier batches are on the wire, and each batch waits only for its own
    this.queue = new QueueReader(
      o.outbox,
      o.sizing.now.items,
      (page, read) => this.sortPage(page, read),
      due,
      READ_AHEAD,
      PAGE_ATTACHMENT_BYTES,
    );
  }

  /**
   * Sends the queue. Throws when the run failed, once every batch still on the wire has landed (or failed) and
   * what the server took of them is forgotten.
   */
  async send(): Promise<void> {
    try {
      for (;;) {
        let batch = this.o.shouldStop?.() ? [] : await this.queue.take(this.o.sizing.now.items, (ready) => this.takeBatch(ready));
        if (batch.length === 0) {
          // nothing ready: done, unless a batch on the wire comes back too large and is put back
          if (this.wire.length === 0) break;
          await this.wire.shift();
          continue;
        }
        // the next page is read while this batch is on the wire
        this.queue.readAhead().catch(() => {});
        // attachments first: the server takes a bundle only once everything it names has arrived (those
        // inside the batch arrive with it); a bundle whose small attachments do not fit goes first in the next batch
        const { inline, later } = this.inlineFor(batch);
        if (later.length > 0) {
          this.queue.putBack(later);
          const waits = new Set(later);
          batch = batch.filter((b) => !waits.has(b));
        }
        const refused = await this.uploads.ensure(batch.flatMap((b) => b.attachments).filter((h) => !inline.has(h)));
        const held = batch.filter((b) => b.attachments.some((h) => refused.has(h)));
        if (held.length > 0) {
          await this.holdRefused(held, refused);
          // the rest of the batch goes with the next one
          this.queue.putBack(batch.filter((b) => !held.includes(b)));
          continue;
        }
        // up to `pipeline` batches on the wire at once: the server takes one in while the device sends the next,
        // and each is answered on its own (the server stores by id, so the order they land in does not matter)
        const sending = this.post(batch, inline);
        sending.catch(() => {});
        this.wire.push(sending);
        if (this.wire.length >= this.o.pipeline) await this.wire.shift();
      }
      await this.removing;
      if (this.retry > 0) throw new Error('Some attachments have not reached the server yet');
    } catch (e) {
      // what is still on the wire lands (or fails) first: a batch the server took is then forgotten
      await Promise.allSettled(this.wire);
      await this.removing.catch(() => {});
      throw e;
    } finally {
      // pages still being read ahead start no uploads once the run is over
      this.queue.close();
    }
  }

  /**
   * Posts one batch. A batch too large for the server goes back to the queue, halved next time; one that runs
   * out of time ends the run (as `slow`), and the next tries half as much.
   */
  private async post(batch: OutboxRecord[], inline: Map<string, Blob>): Promise<void> {
    this.onTheWire += batch.length;
    this.o.onInFlight(this.onTheWire);
    const started = Date.now();
    const { items, bytes } = this.o.sizing.now;
    try {
      const queued = Math.max(batch.length, this.total - this.answeredSoFar);
      const results = await postBatch(this.o.fetch, this.o.token, batch, queued, inline);
      this.o.sizing.answered('batch', Date.now() - started, batch.length >= items || carried(batch, inline) >= bytes / 2);
      // what the server took was complete there: a later batch naming the same attachment need not carry it
      const took = new Set(results.filter((r) => r.status === 'stored' || r.status === 'duplicate').map((r) => r.id));
      for (const b of batch) if (took.has(b.id)) for (const h of b.attachments) if (inline.has(h)) tookInline(h);
      // answered: nothing of this batch is held for a later one (a batch put back after a 413 keeps its own)
      for (const h of inline.keys()) this.small.delete(h);
      await this.answered(batch, results);
    } catch (e) {
      if (isTimeout(e)) this.o.sizing.answered('batch', null);
      // too large: fewer bundles next time, and with attachments inside it fewer bytes (the rest go on their own)
      if (!(e instanceof HttpStatusError && e.status === 413 && (batch.length > 1 || inline.size > 0))) throw e;
      this.o.sizing.tooLarge(batch.length, inline.size > 0 ? carried(batch, inline) : undefined);
      this.queue.putBack(batch);
    } finally {
      this.onTheWire -= batch.length;
      this.o.onInFlight(this.onTheWire);
    }
  }

  /** The run's fetch for attachment chunks: each chunk's time fits the next chunk's size to the link. */
  private readonly timedChunks: typeof fetch = async (input, init) => {
    const started = Date.now();
    const chunk = this.o.sizing.now.chunk;
    try {
      const res = await this.o.fetch(input, init);
      if (init?.method === 'PUT') this.o.sizing.answered('chunk', Date.now() - started, (init.body as Blob | null)?.size === chunk);
      return res;
    } catch (e) {
      if (isTimeout(e) && init?.method === 'PUT') this.o.sizing.answered('chunk', null);
      throw e;
    }
  };

  /** What the server answered for one batch: forget what it took, keep the rest with its reason. */
  private async answered(batch: OutboxRecord[], results: ItemResult[]): Promise<void> {
    const done = new Set<string>();
    for (const r of results) {
      if (r.status === 'stored' || r.status === 'duplicate') done.add(r.id);
      else if (r.status === 'retry') this.retry++;
      else {
        await this.o.outbox.markAttention(r.id, r.status, r.reason ?? '');
        this.attention++;
      }
    }
    this.answeredSoFar += results.length;
    // the next page's read is made before this batch's removal: IndexedDB runs transactions on the same
    // store in the order they are made, so a read made after the removal would wait for it
    this.queue.readAhead().catch(() => {});
    // the device forgets what the server took while the next batches are on the wire, all of a batch in
    // one transaction (a crash before it forgets means a resend, answered `duplicate`: nothing lost,
    // nothing doubled)
    const taken = batch.filter((b) => done.has(b.id));
    this.removing = this.removing.then(async () => {
      await this.o.outbox.remove(taken);
      this.sent += taken.length;
      if (taken.length > 0) this.o.onSent?.(taken.length);
      this.o.onProgress(this.sent + this.attention);
    });
    this.removing.catch(() => {});
    if (new Set(results.map((r) => r.id)).size < batch.length) throw new Error('The server did not answer for every bundle');
  }

  /** Bundles whose upload the server refused wait for attention, and go again after a doubling wait. */
  private async holdRefused(held: OutboxRecord[], refused: Map<string, Refusal>): Promise<void> {
    for (const b of held) {
      const reason = b.attachments.map((h) => refused.get(h)?.reason).find(Boolean) ?? '';
      await this.o.outbox.markAttention(b.id, 'refused', reason, new Date(Date.now() + refusalDelay(b.attempts + 1)).toISOString());
    }
    this.attention += held.length;
    this.answeredSoFar += held.length;
  }

  /**
   * A page just read: attachments small enough to go inside their batch wait for it; the rest start on their way
   * now (a few at a time), so they travel while earlier batches are on the wire.
   */
  private sortPage(page: OutboxRecord[], read: Map<string, Sealed>): void {
    const large = new Map<string, Sealed>();
    for (const [sha, bytes] of read) {
      const blob = bytes instanceof Blob ? bytes : new Blob([bytes]);
      if (blob.size <= this.o.sizing.now.chunk && !onServer(sha)) this.small.set(sha, blob);
      else large.set(sha, bytes);
    }
    this.uploads.prefetch(
      page.flatMap((b) => b.attachments).filter((h) => !this.small.has(h)),
      large,
    );
  }

  /**
   * The batch's small attachments that go inside it, while the request stays within the batch's bytes and the
   * server's count. A bundle whose small attachments do not all fit waits at the front of the queue for the next
   * batch, where they go inside too: no request of their own. The batch's first bundle never waits (every batch
   * moves the queue on): what of it does not fit goes on its own, as does an attachment too large for any batch
   * at today's size. An attachment the server already holds goes neither way.
   */
  private inlineFor(batch: OutboxRecord[]): { inline: Map<string, Blob>; later: OutboxRecord[] } {
    const { bytes: budget, chunk } = this.o.sizing.now;
    const inline = new Map<string, Blob>();
    const later: OutboxRecord[] = [];
    const apart = new Map<string, Sealed>();
    const goApart = (sha: string, blob: Blob) => {
      // it goes on its own after all, from the bytes already read
      apart.set(sha, blob);
      this.small.delete(sha);
    };
    let bytes = carried(batch, inline);
    for (const [i, b] of batch.entries()) {
      const own = new Map<string, Blob>();
      for (const sha of b.attachments) {
        const blob = this.small.get(sha);
        if (!blob || onServer(sha) || inline.has(sha)) continue;
        if (blob.size > chunk || b.size + blob.size > budget) goApart(sha, blob);
        else own.set(sha, blob);
      }
      const size = [...own.values()].reduce((sum, blob) => sum + blob.size, 0);
      if (bytes + size <= budget && inline.size + own.size <= SYNC_LIMITS.maxInline) {
        for (const [sha, blob] of own) inline.set(sha, blob);
        bytes += size;
      } else if (i > 0) {
        later.push(b);
        bytes -= b.size;
      } else {
        for (const [sha, blob] of own) {
          if (bytes + blob.size <= budget && inline.size < SYNC_LIMITS.maxInline) {
            inline.set(sha, blob);
            bytes += blob.size;
          } else goApart(sha, blob);
        }
      }
    }
    if (apart.size > 0) this.uploads.prefetch([...apart.keys()], apart);
    return { inline, later };
  }

  /** The front of what is ready, up to the batch's count and bytes (at least one bundle, however large). */
  private takeBatch(ready: OutboxRecord[]): OutboxRecord[] {
    const batch: OutboxRecord[] = [];
    let bytes = 0;
    for (const rec of ready) {
      if (batch.length >= this.o.sizing.now.items) break;
      if (batch.length > 0 && bytes + rec.size > this.o.sizing.now.bytes) break;
      batch.push(rec);
      bytes += rec.size;
    }
    return batch;
  }
}

/** Bytes a batch's request carries: its bundles and the attachments inside it. */
function carried(batch: OutboxRecord[], inline: Map<string, Blob>): number {
  let bytes = batch.reduce((sum, b) => sum + b.size, 0);
  for (const blob of inline.values()) bytes += blob.size;
  return bytes;
}
