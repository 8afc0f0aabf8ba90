import type { PublishedEngagement } from '../shared/engagement';
import { db } from './open';
import type { EngagementRecord } from './schema';

export async function saveEngagements(list: PublishedEngagement[]): Promise<void> {
  const d = await db();
  const tx = d.transaction('engagements', 'readwrite');
  const now = new Date().toISOString();
  await Promise.all([...list.map((e) => tx.store.put({ ...e, downloadedAt: now })), tx.done]);
}

export async function listEngagements(): Promise<EngagementRecord[]> {
  return (await db()).getAll('engagements');
}

export async function getEngagement(slug: string): Promise<EngagementRecord | undefined> {
  return (await db()).get('engagements', slug);
}
