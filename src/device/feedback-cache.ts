/**
 * Published feedback kept for offline use: the page stores each copy it reads (and its pictures), and an
 * enrolled device stores all of it when it gets engagements ready, so a facilitator can show it at a venue
 * without signal. The service worker serves /api/feedback/ from the same cache when the network fails.
 */
import type { PublishedFeedback } from '../shared/feedback';
import { timeLimited } from '../shared/request';

export const FEEDBACK_CACHE = 'blether-feedback-v1';
// the service worker serves /media/ and /pictograms/ from this cache (src/device/offline.ts)
const ASSET_CACHE = 'blether-assets-v1';

export const feedbackUrl = (slug: string) => `/api/feedback/${encodeURIComponent(slug)}`;

async function keep(f: PublishedFeedback): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(FEEDBACK_CACHE);
  await cache.put(feedbackUrl(f.slug), new Response(JSON.stringify(f), { headers: { 'Content-Type': 'application/json' } }));
  const assets = await caches.open(ASSET_CACHE);
  for (const item of f.content.items) {
    const src = item.picture?.src;
    if (src && !(await assets.match(src))) await assets.add(src).catch(() => {});
  }
}

export type Loaded = { kind: 'ok'; feedback: PublishedFeedback } | { kind: 'none' } | { kind: 'offline' };

/** Someone is looking at the page: a stalled connection shows the kept copy after this long. */
const FEEDBACK_WAIT_MS = 10_000;

/** The network first (feedback may change), then the copy kept on this device. */
export async function loadFeedback(slug: string): Promise<Loaded> {
  try {
    const res = await fetch(feedbackUrl(slug), timeLimited({ cache: 'no-cache' }, FEEDBACK_WAIT_MS));
    if (res.status === 404) return { kind: 'none' };
    if (res.ok) {
      const feedback = (await res.json()) as PublishedFeedback;
      await keep(feedback).catch(() => {});
      return { kind: 'ok', feedback };
    }
  } catch {
    // offline: fall through to the kept copy
  }
  const kept = typeof caches === 'undefined' ? undefined : await caches.match(feedbackUrl(slug), { cacheName: FEEDBACK_CACHE });
  return kept ? { kind: 'ok', feedback: (await kept.json()) as PublishedFeedback } : { kind: 'offline' };
}

/** For an enrolled device: every published feedback, kept for the day offline. */
export async function keepDeviceFeedback(token: string): Promise<number> {
  const res = await fetch('/api/device/feedback', timeLimited({ headers: { Authorization: `Bearer ${token}` } }));
  if (!res.ok) return 0;
  const { feedback } = (await res.json()) as { feedback: PublishedFeedback[] };
  for (const f of feedback) await keep(f);
  return feedback.length;
}
