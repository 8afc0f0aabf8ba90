// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * What the device home shows about being ready offline: per engagement, its version, size and missing
 * assets (written by download.ts, which is import()ed), whether the device must be enrolled again, and
 * the storage used.
 */
import { signal } from '@preact/signals';
import { getMeta } from '../db/meta';

export const ASSET_CACHE = 'blether-assets-v1';

export interface OfflineStatus {
  versionId: string;
  bytes: number;
  assets: number;
  missing: number;
  /** no longer assigned to this device: kept only until its waiting answers are sent */
  unassigned?: boolean;
}

/** Set when the server says this device was revoked or is unknown: it must be enrolled again. */
export const mustEnrolAgain = signal(false);

/** Who removed this device and when, as the server said: it offers no engagement until it is enrolled again. */
export interface Removal {
  organisation: string;
  revokedAt: string;
}
export const removal = signal<Removal | null>(null);

export async function loadRemoval(): Promise<void> {
  removal.value = (await getMeta<Removal | null>('removal')) ?? null;
}
export const offlineStatus = signal<Record<string, OfflineStatus>>({});

export async function loadOfflineStatus(): Promise<void> {
  offlineStatus.value = (await getMeta<Record<string, OfflineStatus>>('offlineStatus')) ?? {};
}

export function formatBytes(n: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lng, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: v < 10 && i > 0 ? 1 : 0,
  }).format(v);
}
