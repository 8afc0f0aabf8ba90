/** A thread of the opener's pool (services/open-pool.ts): opens the rows it is sent, answers the outcomes. */
import { parentPort } from 'node:worker_threads';
import type { InboxRow } from './ingest';
import { type KeyMap, openRows } from './open-row';

export interface OpenTask {
  task: number;
  rows: InboxRow[];
  keys: KeyMap;
}

parentPort?.on('message', ({ task, rows, keys }: OpenTask) => {
  parentPort?.postMessage({ task, outcomes: openRows(rows, keys) });
});
