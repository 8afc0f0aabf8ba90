/**
 * How much one request carries, fitted to the link. Every request gives up after a time limit (a stalled venue
 * connection must end as "offline"), so on a slow link a request too large to arrive in time would fail on
 * every try and the queue would never move: a batch that runs out of time is halved for the next try, and so
 * is an attachment chunk, down to one bundle (or 64 KB). A request answered in under a quarter of the limit
 * doubles its size again (twice the size then still arrives in about half the limit), up to the largest the
 * server takes; a batch the server refuses as too large (413) lowers that ceiling for good. The first batch after
 * the app starts carries at most FIRST_BYTES (sizes are kept from run to run): on a weak link it still arrives in
 * time, and a fast answer doubles it.
 */

export interface Sizes {
  /** bundles in one batch */
  items: number;
  /** bytes of bundles in one batch (a single bundle above it still goes alone) */
  bytes: number;
  /** bytes of one attachment chunk */
  chunk: number;
}

const FLOOR: Sizes = { items: 1, bytes: 16 * 1024, chunk: 64 * 1024 };
/** Bytes of the first batch at most (2 MB arrives within a minute down to about 0.3 Mbit/s). */
const FIRST_BYTES = 2 * 1024 * 1024;

/** Whether a request was given up on because its time limit ran out. */
export const isTimeout = (e: unknown): boolean => (e as { name?: unknown } | null)?.name === 'TimeoutError';

export class Sizing {
  /** what the next request carries */
  readonly now: Sizes;
  private readonly ceiling: Sizes;

  constructor(
    max: Sizes,
    /** how long a request may take before it is given up */
    private readonly limitMs: number,
  ) {
    this.ceiling = { ...max };
    this.now = { ...max, bytes: Math.min(max.bytes, FIRST_BYTES) };
  }

  /**
   * The server would not take a batch of `n` bundles carrying `bytes` at once: never more than half of that again
   * (its bytes matter when attachments travelled inside it: those that no longer fit go on their own).
   */
  tooLarge(n: number, bytes?: number): void {
    this.ceiling.items = Math.min(this.ceiling.items, Math.max(1, Math.floor(n / 2)));
    this.now.items = Math.min(this.now.items, this.ceiling.items);
    if (bytes === undefined) return;
    this.ceiling.bytes = Math.min(this.ceiling.bytes, Math.max(FLOOR.bytes, Math.floor(bytes / 2)));
    this.now.bytes = Math.min(this.now.bytes, this.ceiling.bytes);
  }

  /**
   * A request that carried `kind` was answered after `ms`, or (`ms` null) ran out of time. `full`: it carried
   * as much as it could (a short last batch or chunk answered quickly says nothing about a larger one).
   */
  answered(kind: 'batch' | 'chunk', ms: number | null, full = true): void {
    const keys: (keyof Sizes)[] = kind === 'batch' ? ['items', 'bytes'] : ['chunk'];
    for (const k of keys) {
      if (ms === null) this.now[k] = Math.max(FLOOR[k], Math.floor(this.now[k] / 2));
      else if (full && ms < this.limitMs / 4) this.now[k] = Math.min(this.ceiling[k], this.now[k] * 2);
    }
  }
}
