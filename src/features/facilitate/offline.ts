/**
 * Getting engagements ready for a day offline: the device downloads the published versions assigned to
 * it, then every picture and clip they use into the Cache API (the service worker serves /media/ and
 * /pictograms/ from that cache), and records how much each engagement takes.
 */
import { signal } from '@preact/signals';
import { identity } from '../../app/device';
import { listEngagements, pruneEngagements, saveEngagements } from '../../db/engagements';
import { getMeta, setMeta } from '../../db/meta';
import type { EngagementContent, PublishedEngagement } from '../../shared/engagement';

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
export const offlineStatus = signal<Record<string, OfflineStatus>>({});

export function assetUrls(c: EngagementContent): string[] {
  const urls = new Set<string>();
  for (const q of c.questions) {
    if (q.picture) urls.add(q.picture.src);
    for (const o of q.options ?? []) if (o.picture) urls.add(o.picture.src);
    for (const byFormat of Object.values(q.audio ?? {})) for (const src of Object.values(byFormat ?? {})) if (src) urls.add(src);
  }
  for (const l of c.locales) urls.add(`/locales/${l}/common.json`);
  return [...urls];
}

async function cacheAssets(e: PublishedEngagement): Promise<OfflineStatus> {
  const cache = await caches.open(ASSET_CACHE);
  let bytes = new TextEncoder().encode(JSON.stringify(e.content)).length;
  let missing = 0;
  const urls = assetUrls(e.content);
  for (const url of urls) {
    try {
      let res = await cache.match(url);
      if (!res) {
        const fresh = await fetch(url);
        if (!fresh.ok) throw new Error(String(fresh.status));
        // locale files are precached by the service worker; pictures and clips live in our cache
        if (!url.startsWith('/locales/')) await cache.put(url, fresh.clone());
        res = fresh;
      }
      bytes += (await res.blob()).size;
    } catch {
      missing++;
    }
  }
  return { versionId: e.versionId, bytes, assets: urls.length, missing };
}

/** Pictures and clips no engagement on the device uses any more (it was taken off this device) free their space. */
async function dropUnusedAssets(engagements: PublishedEngagement[]): Promise<void> {
  const used = new Set(engagements.flatMap((e) => assetUrls(e.content)));
  const cache = await caches.open(ASSET_CACHE);
  for (const req of await cache.keys()) {
    if (!used.has(new URL(req.url).pathname)) await cache.delete(req);
  }
}

export async function loadOfflineStatus(): Promise<void> {
  offlineStatus.value = (await getMeta<Record<string, OfflineStatus>>('offlineStatus')) ?? {};
}

/** Downloads engagements and their assets; false when offline or refused. */
export async function refreshEngagements(): Promise<boolean> {
  const token = identity.value?.token;
  if (!token) return false;
  let list: PublishedEngagement[];
  try {
    const res = await fetch('/api/device/engagements', { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401) {
      mustEnrolAgain.value = true;
      return false;
    }
    if (!res.ok) return false;
    list = ((await res.json()) as { engagements: PublishedEngagement[] }).engagements;
  } catch {
    return false;
  }
  mustEnrolAgain.value = false;
  await saveEngagements(list);
  const { held } = await pruneEngagements(list.map((e) => e.slug));
  // published "You said, we did" feedback, so the facilitator can show it at the venue offline
  await import('../feedback/cache').then((m) => m.keepDeviceFeedback(token)).catch(() => 0);
  const status: Record<string, OfflineStatus> = {};
  for (const e of await listEngagements()) {
    const fresh = list.find((x) => x.slug === e.slug);
    status[e.slug] = fresh
      ? await cacheAssets(fresh)
      : {
          ...(offlineStatus.value[e.slug] ?? { versionId: e.versionId, bytes: 0, assets: 0, missing: 0 }),
          unassigned: held.includes(e.slug),
        };
  }
  await dropUnusedAssets(await listEngagements());
  offlineStatus.value = status;
  await setMeta('offlineStatus', status);
  return true;
}

export async function storageUsed(): Promise<{ usage: number; quota: number } | null> {
  const est = await navigator.storage?.estimate?.();
  return est?.usage !== undefined && est.quota !== undefined ? { usage: est.usage, quota: est.quota } : null;
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
