/**
 * The device's two sync requests besides uploads (DESIGN.md, sync protocol points 3 and 4, and Session): a batch
 * of bundles, and the closed sessions reported after them. A refusal of any sync request, uploads included,
 * comes back as an `HttpStatusError` with the server's words, for the facilitator.
 */

import { wireItem } from '../db/records';
import type { OutboxRecord } from '../db/schema';
import type { ItemResult, SessionReport, SyncBatchResponse } from '../shared/protocol';

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string } | null,
  ) {
    super(`HTTP ${status}`);
  }
}

const headers = (token: string) => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${token}` });

/** The server's refusal of a request, with its words. */
export async function refusal(res: Response): Promise<HttpStatusError> {
  return new HttpStatusError(res.status, await res.json().catch(() => null));
}

/** Posts one batch; the server's answer for each item. `queueSize`: what waits on the device, this batch included. */
export async function postBatch(f: typeof fetch, token: string, batch: OutboxRecord[], queueSize: number): Promise<ItemResult[]> {
  const res = await f('/api/sync/batches', {
    method: 'POST',
    headers: headers(token),
    // a SyncBatch: each item was serialised (and checked) when its bundle was saved
    body: `{"queueSize":${queueSize},"items":[${batch.map(wireItem).join(',')}]}`,
  });
  if (!res.ok) throw await refusal(res);
  return ((await res.json()) as SyncBatchResponse).results;
}

/** The server's limit on sessions in one report. */
const SESSIONS_PER_REPORT = 100;

/** Reports closed sessions; the server files them by id, so a resend is harmless. Returns the ids it took. */
export async function postSessions(f: typeof fetch, token: string, reports: SessionReport[]): Promise<string[]> {
  const some = reports.slice(0, SESSIONS_PER_REPORT);
  const res = await f('/api/sync/sessions', { method: 'POST', headers: headers(token), body: JSON.stringify({ sessions: some }) });
  if (!res.ok) throw await refusal(res);
  return some.map((r) => r.id);
}
