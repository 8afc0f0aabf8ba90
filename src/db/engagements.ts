import type { PublishedEngagement } from '../shared/engagement';
import { db } from './open';
import type { EngagementRecord } from './schema';

export { getEngagement } from './engagement';

export async function saveEngagements(list: PublishedEngagement[]): Promise<void> {
  const d = await db();
  const tx = d.transaction('engagements', 'readwrite');
  const now = new Date().toISOString();
  await Promise.all([...list.map((e) => tx.store.put({ ...e, downloadedAt: now })), tx.done]);
}

export async function listEngagements(): Promise<EngagementRecord[]> {
  return (await db()).getAll('engagements');
}

/** A device an organiser removed keeps no engagement content (its sealed bundles stay in the outbox). */
export async function clearEngagements(): Promise<void> {
  await (await db()).clear('engagements');
}

/**
 * Removes the engagements not in `keep` (no longer assigned to this device), except one that an unsent
 * bundle (waiting or needing attention) still belongs to: that one stays until its answers are sent.
 * Returns the slugs removed and the slugs held back.
 */
export async function pruneEngagements(keep: string[]): Promise<{ removed: string[]; held: string[] }> {
  const d = await db();
  const tx = d.transaction(['engagements', 'outbox'], 'readwrite');
  const wanted = new Set(keep);
  const gone = (await tx.objectStore('engagements').getAllKeys()).filter((slug) => !wanted.has(slug));
  const needed = new Set<string>();
  // only scanned when something is to go, which is rare; the outbox has no index by engagement
  if (gone.length > 0) {
    for (let c = await tx.objectStore('outbox').openCursor(); c; c = await c.continue()) needed.add(c.value.engagementSlug);
  }
  const removed = gone.filter((slug) => !needed.has(slug));
  await Promise.all([...removed.map((slug) => tx.objectStore('engagements').delete(slug)), tx.done]);
  return { removed, held: gone.filter((slug) => needed.has(slug)) };
}
