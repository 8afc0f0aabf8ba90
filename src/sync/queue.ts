/**
 * A sync run's view of the waiting queue, read a page at a time in the outbox's order: the next page is
 * read while a batch is on the wire, so the device never holds the whole queue in memory and the first
 * batch leaves without waiting for the queue to be read.
 */
import type { OutboxRepo } from '../db/outbox';
import type { OutboxRecord } from '../db/schema';

export class QueueReader {
  private buffer: OutboxRecord[] = [];
  private after: OutboxRecord | null = null;
  private ended = false;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly outbox: Pick<OutboxRepo, 'waitingAfter'>,
    private readonly pageSize: number,
    /** each page as it is read (the engine starts its attachments on their way) */
    private readonly onPage: (records: OutboxRecord[]) => void = () => {},
    /** bundles to send before the waiting queue (a refused upload whose wait is over) */
    first: OutboxRecord[] = [],
  ) {
    this.buffer = [...first];
    if (first.length > 0) onPage(first);
  }

  /** Bundles ready to send, oldest first: at least `n` unless the queue ends first. */
  async next(n: number): Promise<OutboxRecord[]> {
    while (this.buffer.length < n && !this.ended) await this.readAhead();
    return this.buffer;
  }

  /** Starts reading the next page, if none is being read; resolves when it is in. */
  readAhead(): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.reading ??= this.outbox
      .waitingAfter(this.after, this.pageSize)
      .then((page) => {
        this.after = page[page.length - 1] ?? this.after;
        if (page.length < this.pageSize) this.ended = true;
        this.buffer = [...this.buffer, ...page];
        this.onPage(page);
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** Forgets the bundles the server answered for (sent, or kept for attention, or to retry next run). */
  answered(ids: Set<string>): void {
    this.buffer = this.buffer.filter((b) => !ids.has(b.id));
  }
}
