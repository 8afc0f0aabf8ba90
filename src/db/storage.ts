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
  if (!s?.estimate) return null;
  const { usage = 0, quota = 0 } = await s.estimate();
  const persisted = s.persisted ? await s.persisted() : false;
  return { usage, quota, persisted, low: quota > 0 && isLow(usage, quota) };
}

/** Asks the browser to keep this site's data under storage pressure; true when granted. */
export async function askPersistent(): Promise<boolean> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist) return false;
  if (s.persisted && (await s.persisted())) return true;
  return s.persist();
}
