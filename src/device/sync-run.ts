/**
 * The sync engine as the device runs it (device.ts import()s this the first time there is something to send,
 * so a device with nothing waiting never loads it, nor the protocol's schemas and the outbox's code).
 */

import { outbox } from '../db/index';
import { getMeta, setMeta } from '../db/meta';
import { markSessionsReported, sessionReport, unreportedSessions } from '../db/sessions';
import { SyncEngine } from '../sync/engine';
import { isHeld } from './background';
import { identity, localDate, refreshQueue, sentToday, syncStatus } from './device';

async function countSent(n: number): Promise<void> {
  const today = localDate();
  const prev = (await getMeta<{ date: string; count: number }>('sentToday')) ?? { date: today, count: 0 };
  const next = { date: today, count: (prev.date === today ? prev.count : 0) + n };
  await setMeta('sentToday', next);
  sentToday.value = next.count;
}

export function createEngine(): SyncEngine {
  return new SyncEngine({
    outbox,
    getToken: async () => identity.value?.token ?? null,
    sessions: {
      unreported: async () => (await unreportedSessions()).map(sessionReport),
      markReported: (ids) => markSessionsReported(ids),
    },
    onStatus: (s) => {
      // the engine knows only this page's runs: the last success stored on the device still counts after a reload
      syncStatus.value = { ...s, lastSuccessAt: s.lastSuccessAt ?? syncStatus.value.lastSuccessAt };
    },
    onLastSuccess: (iso) => void setMeta('lastSyncAt', iso),
    // an update being applied: the run under way ends after the batches on the wire
    shouldStop: isHeld,
    onSent: (n) => {
      void countSent(n);
      void refreshQueue();
    },
  });
}
