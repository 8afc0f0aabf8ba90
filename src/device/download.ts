/**
 * Getting engagements ready for a day offline: the device downloads the published versions assigned to
 * it, then every picture and clip they use into the Cache API (the service worker serves /media/ and
 * /pictograms/ from that cache), and records how much each engagement takes. import()ed by the
 * facilitator screens, so none of it is in a participant's first load.
 */

import * as v from 'valibot';
import { clearEngagements, listEngagements, pruneEngagements, saveEngagements } from '../db/engagements';
import { setMeta } from '../db/meta';
import { DeviceRevokedSchema } from '../shared/devices';
import type { EngagementContent, PublishedEngagement } from '../shared/engagement';
import { timeLimited } from '../shared/request';
import { inBackground } from './background';
import { identity } from './device';
import { ASSET_CACHE, mustEnrolAgain, type OfflineStatus, offlineStatus, type Removal, removal } from './offline';

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
      // locale files are in the service worker's precache (its keys carry a revision query); pictures and
      // clips live in our cache. Either way a refresh asks the network only for what is in neither.
      const locale = url.startsWith('/locales/');
      let res = await (locale ? caches.match(url, { ignoreSearch: true }) : cache.match(url));
      if (!res) {
        const fresh = await fetch(url, timeLimited());
        if (!fresh.ok) throw new Error(String(fresh.status));
        if (!locale) await cache.put(url, fresh.clone());
        res = fresh;
      }
      bytes += (await res.blob()).size;
    } catch {
      missing++;
    }
  }
  return { versionId: e.versionId, bytes, assets: urls.length, missing };
}

/** The pictures and clips only the removed engagements used free their space (feedback pictures share the cache: kept). */
async function dropAssetsOf(removed: PublishedEngagement[], kept: PublishedEngagement[]): Promise<void> {
  if (removed.length === 0) return;
  const used = new Set(kept.flatMap((e) => assetUrls(e.content)));
  const cache = await caches.open(ASSET_CACHE);
  for (const url of removed.flatMap((e) => assetUrls(e.content))) if (!used.has(url)) await cache.delete(url);
}

/**
 * An organiser removed this device: it drops every engagement with its pictures and clips, so it offers
 * none; the outbox is untouched, so unsent answers stay (sealed) to be exported or sent once enrolled again.
 */
async function forgetEngagements(why: Removal): Promise<void> {
  await setMeta('removal', why);
  removal.value = why;
  const before = await listEngagements();
  await clearEngagements();
  await dropAssetsOf(before, []);
  offlineStatus.value = {};
  await setMeta('offlineStatus', {});
}

/** Downloads engagements and their assets; false when offline or refused (or while an update is applied). */
export function refreshEngagements(): Promise<boolean> {
  return inBackground(refresh, false);
}

async function refresh(): Promise<boolean> {
  const token = identity.value?.token;
  if (!token) return false;
  let list: PublishedEngagement[];
  try {
    const res = await fetch('/api/device/engagements', timeLimited({ headers: { Authorization: `Bearer ${token}` } }));
    if (res.status === 401) {
      const revoked = v.safeParse(DeviceRevokedSchema, await res.json().catch(() => null));
      if (revoked.success) await forgetEngagements({ organisation: revoked.output.organisation, revokedAt: revoked.output.revokedAt });
      else mustEnrolAgain.value = true;
      return false;
    }
    if (!res.ok) return false;
    list = ((await res.json()) as { engagements: PublishedEngagement[] }).engagements;
  } catch {
    return false;
  }
  mustEnrolAgain.value = false;
  const before = await listEngagements();
  await saveEngagements(list);
  const { removed, held } = await pruneEngagements(list.map((e) => e.slug));
  // published "You said, we did" feedback, so the facilitator can show it at the venue offline
  await import('./feedback-cache').then((m) => m.keepDeviceFeedback(token)).catch(() => 0);
  const status: Record<string, OfflineStatus> = {};
  const now = await listEngagements();
  for (const e of now) {
    const fresh = list.find((x) => x.slug === e.slug);
    status[e.slug] = fresh
      ? await cacheAssets(fresh)
      : {
          ...(offlineStatus.value[e.slug] ?? { versionId: e.versionId, bytes: 0, assets: 0, missing: 0 }),
          unassigned: held.includes(e.slug),
        };
  }
  await dropAssetsOf(
    before.filter((e) => removed.includes(e.slug)),
    now,
  );
  offlineStatus.value = status;
  await setMeta('offlineStatus', status);
  return true;
}
