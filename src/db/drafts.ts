/**
 * Drafts: a participant's unfinished journey, sealed under the device-local key. Deleted on Done and
 * Start again; anything older than 24 hours is purged and never offered back.
 */
import { openDraft, sealDraft } from '../crypto/device-key';
import { committed, db, rawDb, request, store } from './open';
import type { DraftRecord } from './schema';

export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export async function saveDraft(id: string, engagementSlug: string, value: unknown): Promise<void> {
  const { iv, ct } = await sealDraft(id, value);
  const record: DraftRecord = { id, engagementSlug, updatedAt: new Date().toISOString(), iv, ct };
  await request((await store('drafts', 'readwrite')).put(record));
}

export async function deleteDraft(id: string): Promise<void> {
  await request((await store('drafts', 'readwrite')).delete(id));
}

/** Deletes drafts last saved more than 24 hours before `now`; returns how many. */
export async function purgeDrafts(now = Date.now()): Promise<number> {
  const tx = (await rawDb()).transaction('drafts', 'readwrite');
  const drafts = tx.objectStore('drafts');
  const old = await request(
    drafts.index('byUpdated').getAllKeys(IDBKeyRange.upperBound(new Date(now - DRAFT_MAX_AGE_MS).toISOString(), true)),
  );
  for (const k of old) drafts.delete(k);
  await committed(tx);
  return old.length;
}

/** One fresh draft, opened; null when there is none, it is too old, or it cannot be opened. */
export async function getDraft<T>(id: string): Promise<T | null> {
  await purgeDrafts();
  const rec: DraftRecord | undefined = await request((await store('drafts')).get(id));
  if (!rec) return null;
  try {
    return await openDraft<T>(rec.id, rec);
  } catch {
    await deleteDraft(rec.id);
    return null;
  }
}

/** Every fresh draft, opened, newest first (drafts that cannot be opened are deleted). */
export async function listDrafts<T>(): Promise<{ id: string; updatedAt: string; value: T }[]> {
  await purgeDrafts();
  const all = (await (await db()).getAll('drafts')).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const out: { id: string; updatedAt: string; value: T }[] = [];
  for (const rec of all) {
    const value = await getDraft<T>(rec.id);
    if (value) out.push({ id: rec.id, updatedAt: rec.updatedAt, value });
  }
  return out;
}
