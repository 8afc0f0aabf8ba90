// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * What the device home shows about being ready offline: per engagement, its version, size and missing
 * assets (written by download.ts, which is import()ed), whether the device must be enrolled again, and
 * the storage used.
 */

import { getMeta } from '../db/meta';
import { signal } from '../shared/signal';

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
