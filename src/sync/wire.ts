/**
 * The device's two sync requests besides uploads (DESIGN.md, sync protocol points 3 and 4, and Session): a batch
 * of bundles, and the closed sessions reported after them. A refusal of any sync request, uploads included,
 * comes back as an `HttpStatusError` with the server's words, for the facilitator.
 */

import * as v from 'valibot';
import { wireItem } from '../db/records';
import type { OutboxRecord } from '../db/schema';
import { BATCH_FRAME_TYPE, frameBatch } from '../shared/batch-frame';
import { type ItemResult, type SessionReport, type SyncBatchResponse, SyncBatchSchema } from '../shared/protocol';

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

/** The part of a SyncBatch the device checks before sending: each item was checked when its bundle was saved. */
const InlineListSchema = v.pick(SyncBatchSchema, ['inline']);

/**
 * Posts one batch; the server's answer for each item. `queueSize`: what waits on the device, this batch included.
 * `inline`: sealed attachments of its bundles that travel inside it (each at most one chunk), by hash.
 */
export async function postBatch(
  f: typeof fetch,
  token: string,
  batch: OutboxRecord[],
  queueSize: number,
  inline: Map<string, Blob> = new Map(),
): Promise<ItemResult[]> {
  const json = `{"queueSize":${queueSize},"items":[${batch.map(wireItem).join(',')}]`;
  let init: RequestInit = { method: 'POST', headers: headers(token), body: `${json}}` };
  if (inline.size > 0) {
    const list = [...inline].map(([sha256, blob]) => ({ sha256, size: blob.size }));
    // what the server would refuse is refused here first, before a byte goes
    v.parse(InlineListSchema, { inline: list });
    const body = frameBatch(`${json},"inline":${JSON.stringify(list)}}`, [...inline.values()]);
    init = { ...init, headers: { ...headers(token), 'Content-Type': BATCH_FRAME_TYPE }, body };
  }
  const res = await f('/api/sync/batches', init);
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
