// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * App updates (DESIGN.md, sync protocol point 8): a new service worker waits; the shell shows a prompt in
 * a live region on facilitator screens only, and the update applies only when the facilitator asks and it is
 * safe: no hand-over open and no sync running. Never a forced reload.
 */
import { signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';

export const updateReady = signal(false);
let wb: Workbox | null = null;
const UPDATE_CHECK_MS = 30 * 60_000;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  wb.addEventListener('waiting', () => {
    updateReady.value = true;
  });
  wb.addEventListener('controlling', (e) => {
    // only after the facilitator chose to update (isUpdate), never on the first install
    if (e.isUpdate) location.reload();
  });
  const registration = await wb.register();
  // a tablet left open all day still hears of a new build: on start, when it comes online, every 30 minutes
  const check = () => void registration?.update().catch(() => {});
  window.addEventListener('online', check);
  setInterval(check, UPDATE_CHECK_MS);
  check();
}

/** Applies the waiting update once `isSafe` says so; resolves false when it is not safe now. */
export async function applyUpdate(isSafe: () => Promise<boolean>): Promise<boolean> {
  if (!wb || !updateReady.value) return false;
  if (!(await isSafe())) return false;
  wb.messageSkipWaiting();
  return true;
}
