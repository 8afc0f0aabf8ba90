// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * What waits to be sent, for the shell at boot: the rest of the outbox (outbox.ts) and of the sessions store
 * (sessions.ts) loads when something is sent or a facilitator screen needs it.
 */
import { request, store } from './open';
import type { OutboxRecord, SessionRecord } from './schema';

export interface QueueCounts {
  waiting: number;
  attention: number;
}

/** The outbox's figures, from a store of the device's database or a test's. */
export async function countQueue(outbox: IDBObjectStore): Promise<QueueCounts> {
  const byState = outbox.index('byState');
  const [waiting, attention] = await Promise.all([request(byState.count('waiting')), request(byState.count('attention'))]);
  return { waiting, attention };
}

/** The device's own outbox figures. */
export async function queueCounts(): Promise<QueueCounts> {
  return countQueue(await store('outbox'));
}

/** A bundle held because the server refused its upload, whose wait is over (sync/attachments.ts sets the wait). */
export const isDueRefused = (r: OutboxRecord, at: string): boolean => r.status === 'refused' && (r.retryAt ?? '') <= at;

/** Whether an answer whose upload the server refused is due to go again. */
export async function refusedDue(now = new Date().toISOString()): Promise<boolean> {
  const held: OutboxRecord[] = await request((await store('outbox')).index('byState').getAll('attention'));
  return held.some((r) => isDueRefused(r, now));
}

/** Closed sessions the server has not taken yet (a device holds a handful, so no index is needed). */
export async function unreportedSessions(): Promise<SessionRecord[]> {
  const all: SessionRecord[] = await request((await store('sessions')).getAll());
  return all.filter((s) => s.closedAt !== null && !s.reportedAt);
}
