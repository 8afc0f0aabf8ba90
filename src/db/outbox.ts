/** The outbox: finished bundles waiting for the server. Features reach it only through these functions. */
import { type IDBPDatabase, unwrap } from 'idb';
import { countQueue, type QueueCounts } from './queue';
import type { AttachmentRecord, BletherDB, OutboxRecord } from './schema';
import { clearStorageFull, noteStorageFull } from './storage';

export type { QueueCounts } from './queue';

export class StorageFullError extends Error {
  constructor() {
    super('This device is out of storage space.');
    this.name = 'StorageFullError';
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

export function outboxRepo(getDb: () => Promise<IDBPDatabase<BletherDB>>) {
  return {
    /**
     * Writes a finished bundle and all its attachments in ONE transaction: all of it or none of it. `strict`:
     * the participant is told it is saved only once it is on the storage medium, so a tablet that loses power
     * a moment later still has it (Chromium's default lets the OS hold it in memory for a while).
     * `cash`: money handed over on the day, added to the session's paid-out in the same transaction.
     */
    async add(record: OutboxRecord, attachments: AttachmentRecord[] = [], cash?: { sessionId: string; pence: number }): Promise<void> {
      const d = await getDb();
      const tx = d.transaction(['outbox', 'attachments', 'sessions'], 'readwrite', { durability: 'strict' });
      const payOut = async () => {
        if (!cash) return;
        const session = await tx.objectStore('sessions').get(cash.sessionId);
        if (session) await tx.objectStore('sessions').put({ ...session, floatPaidOut: session.floatPaidOut + cash.pence });
      };
      try {
        await Promise.all([
          tx.objectStore('outbox').add(record),
          ...attachments.map((a) => tx.objectStore('attachments').put(a)),
          payOut(),
          tx.done,
        ]);
      } catch (e) {
        try {
          tx.abort();
        } catch {
          // already finished: the error came from the commit itself
        }
        if (isQuotaError(e) || isQuotaError((e as { target?: { error?: unknown } })?.target?.error)) {
          noteStorageFull();
          throw new StorageFullError();
        }
        throw e;
      }
    },

    /** Waiting bundles, oldest first. One getAll, not a cursor: a cursor step per bundle is slow at 10,000. */
    async waiting(limit = Number.POSITIVE_INFINITY): Promise<OutboxRecord[]> {
      const d = await getDb();
      const all = await d.getAllFromIndex('outbox', 'byState', 'waiting');
      all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      return Number.isFinite(limit) ? all.slice(0, limit) : all;
    },

    /**
     * The next `limit` waiting bundles after `after` in the same order as `waiting` (the byCreated index
     * orders by createdAt, then id), so a sync run reads its queue a page at a time. One getAll per step:
     * the bundles created in the same millisecond as `after`, then those after it.
     */
    async waitingAfter(after: Pick<OutboxRecord, 'createdAt' | 'id'> | null, limit: number): Promise<OutboxRecord[]> {
      const index = (await getDb()).transaction('outbox').store.index('byCreated');
      const page: OutboxRecord[] = [];
      for (let from = after; page.length < limit; ) {
        const last = from;
        const ties = last ? (await index.getAll(IDBKeyRange.only(last.createdAt))).filter((r) => r.id > last.id) : [];
        const rest = await index.getAll(last ? IDBKeyRange.lowerBound(last.createdAt, true) : null, limit);
        page.push(...[...ties, ...rest].filter((r) => r.state === 'waiting'));
        if (rest.length < limit) break;
        from = rest[rest.length - 1] ?? null;
      }
      return page.slice(0, limit);
    },

    async attention(): Promise<OutboxRecord[]> {
      const d = await getDb();
      return d.getAllFromIndex('outbox', 'byState', 'attention');
    },

    async counts(): Promise<QueueCounts> {
      return countQueue(unwrap((await getDb()).transaction('outbox').store));
    },

    /**
     * Removes bundles the server confirmed (stored or duplicate), with their attachments, in one transaction.
     * Each record names its attachments (written with it in one transaction), so they go by key: no index
     * lookup per bundle, which matters when a batch of 500 is removed at once. The deletes are plain
     * requests (no promise each): a failed one aborts the transaction, and `tx.done` rejects.
     */
    async remove(records: Pick<OutboxRecord, 'id' | 'attachments'>[]): Promise<void> {
      if (records.length === 0) return;
      const d = await getDb();
      const tx = d.transaction(['outbox', 'attachments'], 'readwrite');
      const bundles = unwrap(tx.objectStore('outbox'));
      const attachments = unwrap(tx.objectStore('attachments'));
      for (const r of records) {
        bundles.delete(r.id);
        for (const sha of r.attachments) attachments.delete(sha);
      }
      await tx.done;
      clearStorageFull();
    },

    async attachment(sha256: string): Promise<AttachmentRecord | undefined> {
      return (await getDb()).get('attachments', sha256);
    },

    /** Bundles that need attention (`alsoWaiting`: every unsent one) with their sealed attachments, for an export file. */
    async attentionWithAttachments(alsoWaiting = false): Promise<{ records: OutboxRecord[]; attachments: AttachmentRecord[] }> {
      const d = await getDb();
      const tx = d.transaction(['outbox', 'attachments']);
      const byState = tx.objectStore('outbox').index('byState');
      const records = [...(alsoWaiting ? await byState.getAll('waiting') : []), ...(await byState.getAll('attention'))];
      const attachments: AttachmentRecord[] = [];
      for (const r of records) attachments.push(...(await tx.objectStore('attachments').index('byBundle').getAll(r.id)));
      return { records, attachments };
    },

    /**
     * Keeps a bundle the server would not take, with the reason, for the facilitator to see and export.
     * `retryAt`: a refused upload's bundle goes again then (see sync/attachments.ts).
     */
    async markAttention(id: string, status: 'conflict' | 'rejected' | 'refused', reason: string, retryAt?: string): Promise<void> {
      const d = await getDb();
      const tx = d.transaction('outbox', 'readwrite', { durability: 'strict' });
      const rec = await tx.store.get(id);
      if (rec) await tx.store.put({ ...rec, state: 'attention', status, reason, retryAt, attempts: rec.attempts + 1 });
      await tx.done;
    },
  };
}

export type OutboxRepo = ReturnType<typeof outboxRepo>;
