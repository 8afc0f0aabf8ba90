/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell and locale files, serves the shell for navigations so the
 * app loads offline, and cleans outdated caches. It never intercepts POSTs or the API. It activates only
 * when the page asks (after the facilitator chose to update at a safe moment).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PageToWorker, WorkerToPage } from '../shared/messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// Take control on first install; an update still waits for SKIP_WAITING before it activates.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// Engagement pictures and clips: the page puts them in this cache when it gets engagements ready offline
// (src/device/offline.ts); served cache-first, from the network only when not there.
const ASSET_CACHE = 'blether-assets-v1';
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    (url.pathname.startsWith('/media/') || url.pathname.startsWith('/pictograms/')),
  async ({ request }) => (await caches.match(request.url, { cacheName: ASSET_CACHE })) ?? fetch(request),
);

// Published feedback (src/device/feedback-cache.ts): the network first, the copy kept here when offline.
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

// Background Sync: the connection is back. The page holds the token and the engine, so the worker asks
// every open page to send and waits for the answer; it never makes or intercepts a POST itself. When no
// page could send, the event fails, and the browser retries it later on its own backoff.
// The page answers when its send is over, which can take minutes, or never (it reloaded, or it had not yet
// started listening). The wait is short: while this event is open a waiting update cannot activate, so
// "Update now" would hang behind it. Giving up early costs nothing: the page's own engine keeps sending,
// and a failed event is fired again later by the browser.
const ASK_PAGE_MS = 10_000;
function askPage(client: Client): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), ASK_PAGE_MS);
    channel.port1.onmessage = (m: MessageEvent) => {
      clearTimeout(timer);
      resolve(Boolean((m.data as { ok?: boolean } | null)?.ok));
    };
    const msg: WorkerToPage = { type: 'SYNC' };
    client.postMessage(msg, [channel.port2]);
  });
}

self.addEventListener('sync', (event: Event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag !== 'blether-sync') return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then(async (list) => {
      if (list.length === 0) return; // the app sends when it is next opened
      const answers = await Promise.all(list.map(askPage));
      if (!answers.some(Boolean)) throw new Error('Nothing could be sent yet');
    }),
  );
});
