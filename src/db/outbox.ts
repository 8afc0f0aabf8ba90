/** The outbox: finished bundles waiting for the server. Features reach it only through these functions. */
import { type IDBPDatabase, unwrap } from 'idb';
import { countQueue, type QueueCounts } from './queue';
import { sealedSize } from './records';
import type { AttachmentRecord, BletherDB, OutboxRecord, Sealed, SessionRecord } from './schema';
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
     * Plain requests, no promise (nor idb wrapper) each: a participant waits for this, and every object made
     * here is garbage a later save may have to wait for the collector to clear. A failed request aborts
     * the transaction, and the commit's promise rejects.
     */
    async add(record: OutboxRecord, attachments: AttachmentRecord[] = [], cash?: { sessionId: string; pence: number }): Promise<void> {
      const d = await getDb();
      // the sessions store only when cash changes hands: one store fewer to lock for every other bundle
      const wrapped = d.transaction(cash ? ['outbox', 'attachments', 'sessions'] : ['outbox', 'attachments'], 'readwrite', {
        durability: 'strict',
      });
      const tx = unwrap(wrapped);
      try {
        tx.objectStore('outbox').add(record);
        const files = tx.objectStore('attachments');
        for (const a of attachments) files.put(a);
        if (cash) {
          const sessions = tx.objectStore('sessions');
          const get = sessions.get(cash.sessionId);
          get.onsuccess = () => {
            const session = get.result as SessionRecord | undefined;
            if (session) sessions.put({ ...session, floatPaidOut: session.floatPaidOut + cash.pence });
          };
        }
        await wrapped.done;
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

    /**
     * Waiting bundles in queue order: the outbox's key order, which is the order they were finished (bundle
     * ids are time-ordered UUIDs; see shared/ids.ts). One getAll on the state index, whose entries sort by
     * key within a state: a cursor step per bundle is slow at 10,000.
     */
    async waiting(limit?: number): Promise<OutboxRecord[]> {
      return (await getDb()).getAllFromIndex('outbox', 'byState', 'waiting', limit);
    },

    /**
     * The next `limit` waiting bundles after `after`, in the same order as `waiting`, so a sync run reads its
     * queue a page at a time: one key-range read on the store itself (a bundle kept for attention is skipped,
     * and the read goes on past it). `bytes`: the page's attachments are read into it too, in the same
     * transaction, until `budget` bytes are in (an upload then needs no read of its own, which would wait
     * behind any removal made meanwhile); the rest are read when they are sent. A Blob's bytes stay on
     * disk until they are sent, but an older record's ArrayBuffer is read whole.
     */
    async waitingAfter(
      after: Pick<OutboxRecord, 'id'> | null,
      limit: number,
      bytes?: Map<string, Sealed>,
      budget = 0,
    ): Promise<OutboxRecord[]> {
      const tx = (await getDb()).transaction(bytes && budget > 0 ? ['outbox', 'attachments'] : ['outbox']);
      const store = tx.objectStore('outbox');
      const page: OutboxRecord[] = [];
      for (let from = after?.id ?? null; page.length < limit; ) {
        const rest = await store.getAll(from === null ? null : IDBKeyRange.lowerBound(from, true), limit);
        page.push(...rest.filter((r) => r.state === 'waiting'));
        if (rest.length < limit) break;
        from = rest[rest.length - 1]?.id ?? from;
      }
      // what is past the page is read again with the next one
      page.length = Math.min(page.length, limit);
      if (bytes && budget > 0) {
        let used = 0;
        for (const sha of page.flatMap((r) => r.attachments)) {
          if (used >= budget) break;
          const rec = await tx.objectStore('attachments').get(sha);
          if (rec) bytes.set(sha, rec.bytes);
          used += rec ? sealedSize(rec.bytes) : 0;
        }
      }
      return page;
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
     * A sent batch is usually a run of neighbours in key order (see `waiting`), so it goes as one range
     * delete: the keys in its span are read first, and every run of them that is all confirmed is one
     * request, instead of one per bundle. Attachments go by key (each record names its own). The deletes
     * are plain requests (no promise each): a failed one aborts the transaction, and `tx.done` rejects.
     */
    async remove(records: Pick<OutboxRecord, 'id' | 'attachments'>[]): Promise<void> {
      if (records.length === 0) return;
      const d = await getDb();
      const ids = records.map((r) => r.id).sort();
      const shas = records.flatMap((r) => r.attachments);
      // the attachments store only when there are some to remove: an upload's read of another need not wait
      const tx = d.transaction(shas.length > 0 ? ['outbox', 'attachments'] : ['outbox'], 'readwrite');
      const bundles = unwrap(tx.objectStore('outbox'));
      const gone = new Set(ids);
      const span = (await tx.objectStore('outbox').getAllKeys(IDBKeyRange.bound(ids[0], ids[ids.length - 1]))) as string[];
      for (const [from, to] of runsOf(span, gone)) bundles.delete(from === to ? from : IDBKeyRange.bound(from, to));
      if (shas.length > 0) {
        const attachments = unwrap(tx.objectStore('attachments'));
        for (const sha of shas) attachments.delete(sha);
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

/** The runs of consecutive keys (in key order) that are all in `gone`, as [first, last]. */
export function runsOf(keys: string[], gone: Set<string>): [string, string][] {
  const runs: [string, string][] = [];
  let start: string | null = null;
  let prev: string | null = null;
  for (const k of keys) {
    if (gone.has(k)) start ??= k;
    else if (start !== null && prev !== null) {
      runs.push([start, prev]);
      start = null;
    }
    prev = k;
  }
  if (start !== null && prev !== null) runs.push([start, prev]);
  return runs;
}
