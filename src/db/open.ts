// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The device's database. What the first screen reads and writes (meta, the queue's figures, the hand-over's
 * draft, one engagement) goes through `rawDb()` and `request()`, the browser's own API; everything else through
 * `db()`, the same connection wrapped by idb, which is import()ed on first use and so is not in the first load.
 */
import type { IDBPDatabase } from 'idb';
import { type BletherDB, DB_NAME, DB_VERSION } from './schema';

let opening: Promise<IDBDatabase> | null = null;

/** Called when another tab (or a new app version) needs to upgrade the database. */
export const dbEvents = new EventTarget();

/** What an IndexedDB request gives, as a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when a write transaction has committed. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

function upgrade(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, newVersion: number): void {
  // Each step runs in order from the version the device had up to the one asked for; add steps, never
  // edit shipped ones. Stores are only ever added here (an index no read uses may go): no step may delete
  // or rewrite an unsynced bundle.
  const step = (v: number) => oldVersion < v && v <= newVersion;
  if (step(1)) {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('byState', 'state');
    outbox.createIndex('byCreated', 'createdAt');
    const attachments = db.createObjectStore('attachments', { keyPath: 'sha256' });
    attachments.createIndex('byBundle', 'bundleId');
    db.createObjectStore('engagements', { keyPath: 'slug' });
    db.createObjectStore('meta');
  }
  if (step(2)) {
    const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
    drafts.createIndex('byUpdated', 'updatedAt');
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byOpened', 'openedAt');
  }
  if (step(3)) {
    // the queue is read in key order (time-ordered ids): an index no read uses only costs every save and removal
    tx.objectStore('outbox').deleteIndex('byCreated');
  }
}

function openRaw(name: string, version = DB_VERSION): Promise<IDBDatabase> {
  const req = indexedDB.open(name, version);
  req.onupgradeneeded = (e) => upgrade(req.result, req.transaction as IDBTransaction, e.oldVersion, e.newVersion ?? version);
  return request(req).then((d) => {
    d.onversionchange = () => {
      // A newer version wants the database: let it, and tell the app so it can reload safely.
      d.close();
      if (name === DB_NAME) opening = null;
      dbEvents.dispatchEvent(new Event('versionchange'));
    };
    return d;
  });
}

const wrapped = async (d: IDBDatabase) => (await import('idb')).wrap(d) as IDBPDatabase<BletherDB>;

/**
 * Opens (and upgrades) a database of the device's shape: the device's own, or a test's (`version`: as an
 * earlier version of the app left it, to test an upgrade from it).
 */
export function openBletherDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<BletherDB>> {
  return openRaw(name, version).then(wrapped);
}

/** The device's database, opened once, as the browser gives it. */
export function rawDb(): Promise<IDBDatabase> {
  opening ??= openRaw(DB_NAME);
  return opening;
}

/** One store of the device's database, in a transaction of its own. */
export async function store(name: string, mode: IDBTransactionMode = 'readonly'): Promise<IDBObjectStore> {
  return (await rawDb()).transaction(name, mode).objectStore(name);
}

/** The device's database, opened once, through idb. */
export async function db(): Promise<IDBPDatabase<BletherDB>> {
  return wrapped(await rawDb());
}

/** For tests: forget the open handle. */
export function resetDbHandle(): void {
  opening = null;
}
