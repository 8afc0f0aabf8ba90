// This module is in the first load: keep it small, and import() what the first screen does not need.
import { type IDBPDatabase, openDB, unwrap } from 'idb';
import { type BletherDB, DB_NAME, DB_VERSION } from './schema';

let opening: Promise<IDBPDatabase<BletherDB>> | null = null;

/** Called when another tab (or a new app version) needs to upgrade the database. */
export const dbEvents = new EventTarget();

export function openBletherDB(name = DB_NAME): Promise<IDBPDatabase<BletherDB>> {
  return openDB<BletherDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // Each step runs in order from the version the device had; add steps, never edit shipped ones.
      // No step may delete or rewrite an unsynced bundle: stores are only ever added, and an index only
      // replaced by one that covers what it did.
      if (oldVersion < 1) {
        // version 1's indexes, which version 3 replaced (so not in today's schema type)
        const outbox = unwrap(db.createObjectStore('outbox', { keyPath: 'id' }));
        outbox.createIndex('byState', 'state');
        outbox.createIndex('byCreated', 'createdAt');
        const attachments = db.createObjectStore('attachments', { keyPath: 'sha256' });
        attachments.createIndex('byBundle', 'bundleId');
        db.createObjectStore('engagements', { keyPath: 'slug' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
        drafts.createIndex('byUpdated', 'updatedAt');
        const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
        sessions.createIndex('byOpened', 'openedAt');
      }
      if (oldVersion < 3) {
        // one index in queue order per state: a page of the waiting queue is one key-range read, and a
        // save or a removal keeps one index up to date instead of two
        const outbox = transaction.objectStore('outbox');
        outbox.createIndex('byStateCreated', ['state', 'createdAt', 'id']);
        outbox.deleteIndex('byState');
        outbox.deleteIndex('byCreated');
      }
    },
    blocking() {
      // A newer version wants the database: let it, and tell the app so it can reload safely.
      opening?.then((db) => db.close());
      opening = null;
      dbEvents.dispatchEvent(new Event('versionchange'));
    },
  });
}

/** The device's database, opened once. */
export function db(): Promise<IDBPDatabase<BletherDB>> {
  opening ??= openBletherDB();
  return opening;
}

/** For tests: forget the open handle. */
export function resetDbHandle(): void {
  opening = null;
}
