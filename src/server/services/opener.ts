/**
 * Opens acknowledged bundles off the request path: decrypts each pending inbox row with its engagement
 * version's private key, validates it, and writes it to `bundles`. A row that cannot be opened or is not
 * a valid bundle is never dropped: it stays in the inbox as `failed`, with a reason staff can read.
 */
import type { Kysely, Transaction } from 'kysely';
import { relaxedTransaction } from '../db/relaxed';
import type { DB, InboxState } from '../db/schema';
import { storeClaim } from './claims';
import type { VersionKeys } from './engagements';
import type { InboxRow } from './ingest';
import { OpenPool } from './open-pool';
import { keysFor, type Outcome, openRows } from './open-row';
import { storeParticipation } from './participation';

type Opened = Extract<Outcome, { row: unknown }>;
/** Rows per multi-row statement: well inside SQLite's and PostgreSQL's limits on bound values. */
const INSERT_ROWS = 200;

/**
 * Writes opened bundles with their claims and participation, and marks their inbox rows opened, inside the
 * caller's transaction: the bundles in one insert and the inbox in one update, in the rows' order;
 * `from` is the state the rows must still be in (pending, or failed for a repair). Returns how many rows
 * were still in that state.
 */
export async function writeOpened(
  tx: Transaction<DB>,
  opened: Opened[],
  keys: VersionKeys,
  now: string,
  from: InboxState = 'pending',
): Promise<number> {
  if (opened.length === 0) return 0;
  for (let i = 0; i < opened.length; i += INSERT_ROWS) {
    await tx
      .insertInto('bundles')
      .values(opened.slice(i, i + INSERT_ROWS).map((o) => o.row))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  for (const o of opened.filter((x) => x.payload.claim)) {
    // the claim lands with its bundle, in the same transaction (bank details sealed inside storeClaim);
    // the session's date decides lateness (a session reported later marks its claims then)
    const session = o.payload.sessionId
      ? await tx.selectFrom('sessions').select('opened_at').where('id', '=', o.payload.sessionId).executeTakeFirst()
      : undefined;
    await storeClaim(tx, o.payload, keys.serverKey, {
      deviceId: o.row.device_id,
      receivedAt: o.row.received_at,
      sessionAt: session?.opened_at,
    });
  }
  // who took part and the contact for feedback, likewise with their bundles
  await storeParticipation(
    tx,
    opened.map((o) => o.payload),
    keys.serverKey,
  );
  let moved = 0;
  for (let i = 0; i < opened.length; i += INSERT_ROWS) {
    const ids = opened.slice(i, i + INSERT_ROWS).map((o) => o.id);
    const r = await tx
      .updateTable('inbox')
      .set({ state: 'opened', opened_at: now })
      .where('id', 'in', ids)
      .where('state', '=', from)
      .executeTakeFirst();
    moved += Number(r.numUpdatedRows);
  }
  return moved;
}

type Slice = { rows: InboxRow[]; outcomes: Promise<Outcome[]> };

/**
 * Up to `limit` pending rows after `after` in the order (received_at, id): read in that order from the
 * index inbox_by_state_received, so a slice costs the same whatever the backlog (migration 090).
 */
export function pendingAfter(db: Kysely<DB>, limit: number, after?: Pick<InboxRow, 'received_at' | 'id'>) {
  let q = db.selectFrom('inbox').selectAll().where('state', '=', 'pending');
  if (after)
    q = q.where(({ eb, or, and }) =>
      or([eb('received_at', '>', after.received_at), and([eb('received_at', '=', after.received_at), eb('id', '>', after.id)])]),
    );
  return q.orderBy('received_at').orderBy('id').limit(limit);
}

/**
 * Takes up to `limit` pending rows after `after` in the total order (received_at, id) and starts opening
 * them (on the pool's threads when given one). Two instances may take the same rows: both take them in
 * the same order, so their writes lock rows in the same order and cannot deadlock.
 */
async function nextSlice(db: Kysely<DB>, keys: VersionKeys, limit: number, pool?: OpenPool, after?: InboxRow): Promise<Slice | null> {
  const rows = await pendingAfter(db, limit, after).execute();
  if (rows.length === 0) return null;
  const versionKeys = await keysFor(rows, keys);
  const outcomes = pool ? pool.open(rows, versionKeys) : Promise.resolve(openRows(rows, versionKeys));
  // a slice taken ahead may never be written (the run stopped or failed): its failure is nobody's to report
  outcomes.catch(() => {});
  return { rows, outcomes };
}

/** Writes a slice's outcomes in one transaction; the second instance to write a bundle finds it there. */
async function writeSlice(db: Kysely<DB>, keys: VersionKeys, slice: Slice): Promise<number> {
  const outcomes = await slice.outcomes;
  const now = new Date().toISOString();
  await relaxedTransaction(db, async (tx) => {
    // in the rows' order, as another instance writing the same rows would
    for (const o of outcomes) {
      if (!('row' in o))
        await tx.updateTable('inbox').set({ state: 'failed', reason: o.reason, opened_at: now }).where('id', '=', o.id).execute();
    }
    await writeOpened(
      tx,
      outcomes.filter((o) => 'row' in o),
      keys,
      now,
    );
  });
  return slice.rows.length;
}

/** Opens up to `limit` pending rows, oldest first, in one transaction; returns how many it handled. */
export async function openPending(db: Kysely<DB>, keys: VersionKeys, limit = 200, pool?: OpenPool): Promise<number> {
  const slice = await nextSlice(db, keys, limit, pool);
  return slice ? writeSlice(db, keys, slice) : 0;
}

/**
 * Opens pending rows slice by slice, the next slice decrypting on the pool while this one is written, so
 * the threads and the writes overlap. After each slice `between` may pause, or end the pass (false).
 * Returns how many rows it handled.
 */
export async function openSlices(
  db: Kysely<DB>,
  keys: VersionKeys,
  { limit = 200, pool, between }: { limit?: number; pool?: OpenPool; between?: () => Promise<boolean> } = {},
): Promise<number> {
  let total = 0;
  let slice = await nextSlice(db, keys, limit, pool);
  while (slice) {
    const [next, written] = await Promise.all([nextSlice(db, keys, limit, pool, slice.rows.at(-1)), writeSlice(db, keys, slice)]);
    total += written;
    slice = between && !(await between()) ? null : next;
  }
  return total;
}

/** Opens everything pending (on the pool's threads when given one). */
export async function openAll(db: Kysely<DB>, keys: VersionKeys, pool?: OpenPool): Promise<number> {
  let total = 0;
  // a pass follows the order from where it started: another pass picks up anything that arrived behind it
  for (let n = await openSlices(db, keys, { pool }); n > 0; n = await openSlices(db, keys, { pool })) total += n;
  return total;
}

/**
 * Runs the opener in the background, one run at a time, in small slices. A lone batch is opened at once.
 * While batches keep arriving (a kick less than QUIET_MS ago) it opens one slice per BUSY_PAUSE_MS and
 * leaves the rest of the CPU to acknowledging batches, which is what a device waits for; it never stops
 * altogether, so a steady stream cannot starve it, and it catches up at full speed once sync goes quiet.
 */
const SLICE = 50;
const QUIET_MS = 1_000;
const BUSY_PAUSE_MS = 400;
/** After a failed run (a database hiccup), try again this soon even if no batch comes to kick it. */
const RETRY_MS = 5_000;

export class Opener {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastKick = 0;
  private wake: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private db: Kysely<DB>,
    private keys: VersionKeys,
    private onError: (err: unknown) => void,
    private pool = new OpenPool(),
  ) {}

  /** A batch was acknowledged: open it (soon, if batches are still coming). */
  kick(): void {
    this.lastKick = Date.now();
    this.run();
  }

  /** Runs now (or again right after the current run). */
  run(): void {
    if (this.stopped) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const between = async () => {
            if (!this.stopped && Date.now() - this.lastKick < QUIET_MS) await this.pause(BUSY_PAUSE_MS);
            return !this.stopped;
          };
          for (let n = 1; n > 0 && !this.stopped; ) n = await openSlices(this.db, this.keys, { limit: SLICE, pool: this.pool, between });
        } catch (err) {
          this.onError(err);
          this.retry = setTimeout(() => this.run(), RETRY_MS);
          this.retry.unref?.();
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    }).then(() => {
      this.wake = null;
    });
  }

  /**
   * Starts the threads now, in the background (the server does once it listens): otherwise the first batch
   * after a start waits while they load.
   */
  warm(): void {
    this.pool.warm().catch((err) => this.onError(err));
  }

  /** Resolves once nothing is running (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.wake?.();
    await this.idle();
    await this.pool.close();
  }
}
