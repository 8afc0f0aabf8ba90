/** Facilitator sessions at a venue (the sessions store). Features reach it only through these functions. */
import { db } from './open';
import type { SessionRecord } from './schema';

export async function openSession(record: SessionRecord): Promise<void> {
  await (await db()).add('sessions', record);
}

/** The session open now, if any: the newest one not yet closed. */
export async function currentSession(): Promise<SessionRecord | undefined> {
  const all = await (await db()).getAllFromIndex('sessions', 'byOpened');
  return all.reverse().find((s) => s.closedAt === null);
}

export async function recentSessions(limit = 10): Promise<SessionRecord[]> {
  const all = await (await db()).getAllFromIndex('sessions', 'byOpened');
  return all.reverse().slice(0, limit);
}

export async function closeSession(
  id: string,
  close: Pick<SessionRecord, 'attendance' | 'notes' | 'floatPaidOut' | 'floatReturned'>,
  now = new Date(),
): Promise<void> {
  const d = await db();
  const tx = d.transaction('sessions', 'readwrite');
  const rec = await tx.store.get(id);
  if (rec && rec.closedAt === null) await tx.store.put({ ...rec, ...close, closedAt: now.toISOString() });
  await tx.done;
}
