// This module is in the first load: keep it small, and import() what the first screen does not need.
import { type IDBPDatabase, openDB } from 'idb';
import { type BletherDB, DB_NAME, DB_VERSION } from './schema';

let opening: Promise<IDBPDatabase<BletherDB>> | null = null;

/** Called when another tab (or a new app version) needs to upgrade the database. */
export const dbEvents = new EventTarget();

export function openBletherDB(name = DB_NAME): Promise<IDBPDatabase<BletherDB>> {
  return openDB<BletherDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step runs in order from the version the device had; add steps, never edit shipped ones.
      // Stores are only ever added here: no step may delete or rewrite an unsynced bundle.
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
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
