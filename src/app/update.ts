// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * App updates (DESIGN.md, sync protocol point 8): a new service worker waits; the shell shows a prompt in
 * a live region on facilitator screens only, and the update applies only when the facilitator asks and it is
 * safe: no hand-over open and no sync running. Never a forced reload. The browser's own service worker API
 * does all of it, so no library (workbox-window) is in the first load.
 */

import { signal } from '../shared/signal';

export const updateReady = signal(false);
let registration: ServiceWorkerRegistration | null = null;
const UPDATE_CHECK_MS = 30 * 60_000;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const sw = navigator.serviceWorker;
  // an update is a new worker installed while an older one controls this page (not the first install)
  let controlled = !!sw.controller;
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) updateReady.value = true;
    });
  sw.addEventListener('controllerchange', () => {
    // only after an update was applied (here or in another tab), never on the first install
    if (controlled) location.reload();
    controlled = true;
  });
  const reg = await sw.register('/sw.js', { scope: '/' });
  registration = reg;
  if (reg.waiting && sw.controller) updateReady.value = true;
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
  // a tablet left open all day still hears of a new build: on start, when it comes online, every 30 minutes
  const check = () => void reg.update().catch(() => {});
  window.addEventListener('online', check);
  setInterval(check, UPDATE_CHECK_MS);
  check();
}

/** the worker that waits to take over, once an update is ready */
export const waitingWorker = (): ServiceWorker | null | undefined => registration?.waiting;
