/**
 * The device's storage (DESIGN.md, sync protocol point 7): ask for persistent storage so the browser does
 * not evict waiting answers, and tell how much is used and how much is left, with an early warning.
 */
export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
  /** true when less than LOW_FREE_BYTES or LOW_FREE_SHARE of the quota is left */
  low: boolean;
  /** when a save last failed for want of space (until a sync has made room), ISO instant */
  fullAt: string | null;
}

// Kept in localStorage, not IndexedDB: it must be writable exactly when IndexedDB is full.
const FULL_KEY = 'blether.storageFullAt';

function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function noteStorageFull(): void {
  try {
    local()?.setItem(FULL_KEY, new Date().toISOString());
  } catch {
    // even this did not fit: the error itself still reaches the screen
  }
}

export function clearStorageFull(): void {
  // read first: a sync calls this after every batch, and a read is served from the page's own copy
  const store = local();
  if (store?.getItem(FULL_KEY) != null) store.removeItem(FULL_KEY);
}

/** Warn while room for about 30 bundles with a photo is still left. */
export const LOW_FREE_BYTES = 10 * 1024 * 1024;
export const LOW_FREE_SHARE = 0.1;

export function isLow(usage: number, quota: number): boolean {
  const free = quota - usage;
  return free < LOW_FREE_BYTES || free < quota * LOW_FREE_SHARE;
}

export async function storageInfo(): Promise<StorageInfo | null> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const fullAt = local()?.getItem(FULL_KEY) ?? null;
  if (!s?.estimate) return fullAt ? { usage: 0, quota: 0, persisted: false, low: true, fullAt } : null;
  const { usage = 0, quota = 0 } = await s.estimate();
  const persisted = s.persisted ? await s.persisted() : false;
  return { usage, quota, persisted, low: fullAt !== null || (quota > 0 && isLow(usage, quota)), fullAt };
}

/** Asks the browser to keep this site's data under storage pressure; true when granted. */
export async function askPersistent(): Promise<boolean> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist) return false;
  if (s.persisted && (await s.persisted())) return true;
  return s.persist();
}
