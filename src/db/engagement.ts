/** One stored engagement, as the journey reads it (the rest of the store, engagements.ts, is for downloads and the home). */
import { request, store } from './open';
import type { EngagementRecord } from './schema';

export async function getEngagement(slug: string): Promise<EngagementRecord | undefined> {
  return request((await store('engagements')).get(slug));
}
