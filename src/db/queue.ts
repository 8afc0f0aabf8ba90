// This module is in the first load: keep it small, and import() what the first screen does not need.
/** The outbox's figures, for the shell at boot: the rest of the outbox (outbox.ts) loads when something is sent. */
import type { IDBPDatabase } from 'idb';
import { db } from './open';
import type { BletherDB, OutboxRecord, OutboxState } from './schema';

export interface QueueCounts {
  waiting: number;
  attention: number;
}

/**
 * A state's bundles on the byStateCreated index, in queue order; `after` starts past that bundle. Arrays sort
 * above strings, so `[state, []]` is above every `[state, createdAt, id]`.
 */
export function inState(state: OutboxState, after?: Pick<OutboxRecord, 'createdAt' | 'id'> | null): IDBKeyRange {
  return IDBKeyRange.bound(after ? [state, after.createdAt, after.id] : [state], [state, []], Boolean(after));
}

export async function countQueue(d: IDBPDatabase<BletherDB>): Promise<QueueCounts> {
  const index = d.transaction('outbox').store.index('byStateCreated');
  const [waiting, attention] = await Promise.all([index.count(inState('waiting')), index.count(inState('attention'))]);
  return { waiting, attention };
}

/** The device's own outbox figures. */
export async function queueCounts(): Promise<QueueCounts> {
  return countQueue(await db());
}

/** A bundle held because the server refused its upload, whose wait is over (sync/attachments.ts sets the wait). */
export const isDueRefused = (r: OutboxRecord, at: string): boolean => r.status === 'refused' && (r.retryAt ?? '') <= at;

/** Whether an answer whose upload the server refused is due to go again. */
export async function refusedDue(now = new Date().toISOString()): Promise<boolean> {
  const held = await (await db()).getAllFromIndex('outbox', 'byStateCreated', inState('attention'));
  return held.some((r) => isDueRefused(r, now));
}
