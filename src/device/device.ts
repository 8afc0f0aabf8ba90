// This module is in the first load: keep it small, and import() what the first screen does not need.
/** The device's state for the shell: enrolment, the sync engine and queue figures, as signals. */

import { type DeviceIdentity, getMeta } from '../db/meta';
import { queueCounts, refusedDue, unreportedSessions } from '../db/queue';
import type { StorageInfo } from '../db/storage';
import { signal } from '../shared/signal';
import type { SyncEngine, SyncStatus } from '../sync/engine';
import { inBackground, isHeld } from './background';
import { loadFacilitatorLocale } from './facilitator';
import { loadHandOver } from './handover';
import { loadRemoval } from './offline';

export const identity = signal<DeviceIdentity | null | undefined>(undefined);
export const queue = signal({ waiting: 0, attention: 0 });
export const syncStatus = signal<SyncStatus>({
  phase: 'idle',
  progress: { sent: 0, total: 0 },
  inFlight: 0,
  lastSuccessAt: null,
  message: null,
});
export const storage = signal<StorageInfo | null>(null);
/** bundles the server took today (local date of this device) */
export const sentToday = signal(0);

/** the device's local date, which "sent today" counts by */
export const localDate = () => new Date().toLocaleDateString('en-CA');

/** Only the screens that show the storage figures load them (they call this when they open). */
export async function refreshStorage(): Promise<void> {
  storage.value = await (await import('../db/storage')).storageInfo();
}

/** The sync engine is import()ed the first time there is something to send (sync-run.ts). */
let engine: Promise<SyncEngine> | null = null;
function loadEngine(): Promise<SyncEngine> {
  engine ??= import('./sync-run').then((m) => m.createEngine());
  return engine;
}

/** Until the engine is loaded: whether a run would send anything (bundles waiting, or session reports). */
async function somethingToSend(): Promise<boolean> {
  return (await queueCounts()).waiting > 0 || (await unreportedSessions()).length > 0 || (await refusedDue());
}

export async function refreshQueue(): Promise<void> {
  queue.value = await queueCounts();
}

export async function loadDevice(): Promise<void> {
  await Promise.all([loadHandOver(), loadFacilitatorLocale(), loadRemoval()]);
  identity.value = (await getMeta<DeviceIdentity>('identity')) ?? null;
  const last = await getMeta<string>('lastSyncAt');
  if (last) syncStatus.value = { ...syncStatus.value, lastSuccessAt: last };
  const sent = await getMeta<{ date: string; count: number }>('sentToday');
  sentToday.value = sent?.date === localDate() ? sent.count : 0;
  await refreshQueue();
}

/** Sends what waits; true when nothing is left waiting. Nothing is sent while an update is being applied. */
export function syncNow(force = false, fromBackgroundSync = false): Promise<boolean> {
  return inBackground(() => send(force, fromBackgroundSync), false);
}

async function send(force: boolean, fromBackgroundSync: boolean): Promise<boolean> {
  // what the engine would report for a run with nothing to send
  const report = engine || (await somethingToSend()) ? await (await loadEngine()).sync(force) : { ok: !!identity.value?.token };
  await refreshQueue();
  // a screen that shows the storage figures has loaded them: keep them current
  if (storage.value) void refreshStorage();
  const waiting = queue.value.waiting > 0;
  // a failure of a Background Sync run is reported back to the worker instead, so the browser's own
  // backoff decides when to try again (registering here would make it fire again at once)
  // (never while an update applies: the browser would wake the old service worker with the event)
  if (!report.ok && waiting && !fromBackgroundSync && !isHeld()) void registerBackgroundSync();
  return report.ok && !waiting;
}

/** Where the browser has Background Sync, it wakes the service worker when a connection returns. */
async function registerBackgroundSync(): Promise<void> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };
    await reg?.sync?.register('blether-sync');
  } catch {
    // not available here, or refused: the online event and the timer still trigger
  }
}

const SYNC_INTERVAL_MS = 60_000;

/** Triggers: start, the `online` event, a timer while online, and coming back to the app. */
export function startSyncTriggers(): void {
  const kick = () => void syncNow();
  // a connection that comes back is news: try at once, whatever the backoff said
  window.addEventListener('online', () => void syncNow(true));
  // the service worker's Background Sync event asks an open page to send (it never sends itself)
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type !== 'SYNC') return;
    void syncNow(true, true).then((ok) => e.ports[0]?.postMessage({ ok }));
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') kick();
  });
  setInterval(() => {
    if (navigator.onLine) kick();
  }, SYNC_INTERVAL_MS);
  kick();
}
