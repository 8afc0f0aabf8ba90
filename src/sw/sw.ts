/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell and locale files, serves the shell for navigations so the
 * app loads offline, and cleans outdated caches. It never intercepts POSTs or the API. It activates only
 * when the page asks (after the facilitator chose to update at a safe moment).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PageToWorker } from '../shared/messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// Take control on first install; an update still waits for SKIP_WAITING before it activates.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// Engagement pictures and clips: the page puts them in this cache when it gets engagements ready offline
// (src/features/facilitate/offline.ts); served cache-first, from the network only when not there.
const ASSET_CACHE = 'blether-assets-v1';
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    (url.pathname.startsWith('/media/') || url.pathname.startsWith('/pictograms/')),
  async ({ request }) => (await caches.match(request.url, { cacheName: ASSET_CACHE })) ?? fetch(request),
);

// Published feedback (src/features/feedback/cache.ts): the network first, the copy kept here when offline.
const FEEDBACK_CACHE = 'blether-feedback-v1';
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/api/feedback/'),
  async ({ request }) => {
    try {
      const res = await fetch(request);
      if (res.ok) await (await caches.open(FEEDBACK_CACHE)).put(request.url, res.clone());
      return res;
    } catch (err) {
      const kept = await caches.match(request.url, { cacheName: FEEDBACK_CACHE });
      if (kept) return kept;
      throw err;
    }
  },
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const msg = event.data as PageToWorker | undefined;
  if (msg?.type === 'SKIP_WAITING') void self.skipWaiting();
});
