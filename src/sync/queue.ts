/**
 * A sync run's view of the waiting queue, read a page at a time in the outbox's order: up to `depth` pages
 * beyond the batches taken are read ahead (and their attachments started on their way), so the device
 * never holds the whole queue in memory, the first batch leaves without waiting for the queue to be read,
 * and a slow read or upload has more than one batch's wire time to finish in.
 */
import type { OutboxRepo } from '../db/outbox';
import type { OutboxRecord, Sealed } from '../db/schema';

export class QueueReader {
  private buffer: OutboxRecord[] = [];
  private after: Pick<OutboxRecord, 'id'> | null = null;
  private ended = false;
  private closed = false;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly outbox: Pick<OutboxRepo, 'waitingAfter'>,
    private readonly pageSize: number,
    /** each page as it is read, with the bytes of its attachments read with it (the engine starts them on their way) */
    private readonly onPage: (records: OutboxRecord[], bytes: Map<string, Sealed>) => void = () => {},
    /** bundles to send before the waiting queue (a refused upload whose wait is over) */
    first: OutboxRecord[] = [],
    private readonly depth = 2,
    /** bytes of attachments read with each page, at most */
    private readonly attachmentBudget = 0,
  ) {
    this.buffer = [...first];
    if (first.length > 0) onPage(first, new Map());
  }

  /**
   * Takes the next batch off the queue: `select` picks it from the front of what is ready, which is at least
   * `n` bundles unless the queue ends first. Empty when nothing is left. What is taken is no longer ready:
   * batches taken one after another never overlap, whichever is answered first.
   */
  async take(n: number, select: (ready: OutboxRecord[]) => OutboxRecord[]): Promise<OutboxRecord[]> {
    while (this.buffer.length < n && !this.ended) await this.readAhead();
    const batch = select(this.buffer);
    this.buffer = this.buffer.slice(batch.length);
    return batch;
  }

  /** A batch the server would not take at that size goes back to the front, to be taken again. */
  putBack(records: OutboxRecord[]): void {
    this.buffer = [...records, ...this.buffer];
  }

  /**
   * Starts reading the next page, if none is being read and fewer than `depth` pages wait beyond a batch;
   * resolves when the read under way is in. Pages go on being read, one at a time, until that many wait.
   */
  readAhead(): Promise<void> {
    if (this.ended || (!this.reading && this.buffer.length >= this.pageSize * (1 + this.depth))) return this.reading ?? Promise.resolve();
    const bytes = new Map<string, Sealed>();
    this.reading ??= this.outbox
      .waitingAfter(this.after, this.pageSize, bytes, this.attachmentBudget)
      .then((page) => {
        if (this.closed) return;
        this.after = page[page.length - 1] ?? this.after;
        if (page.length < this.pageSize) this.ended = true;
        this.buffer = [...this.buffer, ...page];
        this.onPage(page, bytes);
      })
      .finally(() => {
        this.reading = null;
      });
    // the next page follows (a failed read shows when `next` asks again)
    this.reading.then(() => this.readAhead()).catch(() => {});
    return this.reading;
  }

  /** The run is over: no more pages are read, and a read under way starts no uploads. */
  close(): void {
    this.closed = true;
    this.ended = true;
  }
}
