/**
 * Ingest of a sync batch (DESIGN.md, sync protocol point 4). Each item is checked cheaply (shape, known
 * engagement version, attachments already here), then every accepted item is written to the inbox in ONE
 * transaction, and the answer goes back only after it committed. Idempotency rests on the inbox primary
 * key: a resend with the same content is `duplicate`, the same id with other content is `conflict`.
 * Decryption happens after the acknowledgement, in the opener (services/opener.ts), so a batch costs one
 * commit rather than one ECDH per bundle on the request path.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { Envelope } from '../../shared/envelope';
import { type ItemResult, SyncItemSchema } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { putWholeIn, sha256Of } from './attachments';
import type { VersionKeys } from './engagements';
import { REASONS } from './reasons';

export type InboxRow = DB['inbox'];
/** The same value as shared envelopeHash, computed synchronously: this is on every item's path. */
export function contentHash(e: Envelope): string {
  return createHash('sha256').update(`${e.wk}.${e.iv}.${e.ct}`).digest('hex');
}

type Checked = { kind: 'ok'; row: InboxRow; attachments: string[] } | { kind: 'done'; result: ItemResult };

function rejected(id: string, reason: string): Checked {
  return { kind: 'done', result: { id, status: 'rejected', reason } };
}

async function check(raw: unknown, deviceId: string, keys: VersionKeys, now: string, source: string): Promise<Checked> {
  const id = (raw as { id?: unknown } | null)?.id as string;
  const parsed = v.safeParse(SyncItemSchema, raw);
  if (!parsed.success) return rejected(id, REASONS.malformed);
  const item = parsed.output;
  if (!(await keys.get(item.engagementVersionId))) return rejected(id, REASONS.unknownVersion);
  const attachments = item.attachments ?? [];
  return {
    kind: 'ok',
    attachments,
    row: {
      id: item.id,
      engagement_version_id: item.engagementVersionId,
      device_id: deviceId,
      content_hash: contentHash(item.envelope),
      envelope_json: JSON.stringify(item.envelope),
      attachments_json: JSON.stringify(attachments),
      source,
      received_at: now,
      state: 'pending',
      reason: null,
      opened_at: null,
    },
  };
}

/** A raw item's id, when it has one we can report back; otherwise the whole batch is malformed. */
export function reportableId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

/** Of these attachment hashes, the ones this device's uploads hold whole and verified. */
async function completeAttachments(db: Kysely<DB>, deviceId: string, hashes: string[]): Promise<Set<string>> {
  const have = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('attachment_uploads')
      .select('sha256')
      .where('sha256', 'in', hashes.slice(i, i + 500))
      .where('device_id', '=', deviceId)
      .where('complete', '=', 1)
      .execute();
    for (const r of rows) have.add(r.sha256);
  }
  return have;
}

/** Rows per INSERT: 11 columns each stays far below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_ROWS = 250;

function againstExisting(row: InboxRow, existingHash: string | undefined): ItemResult {
  return existingHash === row.content_hash
    ? { id: row.id, status: 'duplicate' }
    : { id: row.id, status: 'conflict', reason: REASONS.conflict };
}

/** The content hash of the first row with this id in the batch (the one that was stored). */
function firstHash(rows: { row: InboxRow }[], id: string): string | undefined {
  return rows.find((r) => r.row.id === id)?.row.content_hash;
}

export interface IngestOptions {
  queueSize?: number;
  /**
   * attachments that arrived whole inside the batch (shared/batch-frame.ts): stored in the batch's own transaction,
   * those whose hash matches and that a bundle taken in the batch names (others are left out, so nothing is kept
   * that no bundle needs)
   */
  inline?: { sha256: string; bytes: Buffer }[];
  /** 'paper': a paper form a staff member entered in the staff web (no device to update) */
  source?: 'sync' | 'import' | 'paper';
}

/** What still waits on the device once this batch is answered: only `retry` items stay in its queue. */
function queueAfter(queueSize: number, results: ItemResult[]): number {
  return Math.max(0, queueSize - results.filter((r) => r.status !== 'retry').length);
}

export async function ingestBatch(
  db: Kysely<DB>,
  keys: VersionKeys,
  deviceId: string,
  items: unknown[],
  opts: IngestOptions = {},
): Promise<ItemResult[]> {
  const now = new Date().toISOString();
  const checked = await Promise.all(items.map((raw) => check(raw, deviceId, keys, now, opts.source ?? 'sync')));
  const needed = checked.flatMap((c) => (c.kind === 'ok' ? c.attachments : []));
  const have = needed.length > 0 ? await completeAttachments(db, deviceId, [...new Set(needed)]) : new Set<string>();
  const named = new Set(needed);
  const inline = (opts.inline ?? []).filter((a) => named.has(a.sha256) && !have.has(a.sha256) && sha256Of(a.bytes) === a.sha256);
  const results: ItemResult[] = new Array(checked.length);
  await db.transaction().execute(async (tx) => {
    // the batch's own attachments first: a bundle is taken only once everything it names is here
    await putWholeIn(tx, deviceId, inline);
    for (const a of inline) have.add(a.sha256);
    // many rows per INSERT: a batch of 500 costs a handful of statements, not 500
    const ready: { i: number; row: InboxRow }[] = [];
    const waiting: { i: number; row: InboxRow }[] = [];
    checked.forEach((c, i) => {
      if (c.kind === 'done') results[i] = c.result;
      else if (c.attachments.every((h) => have.has(h))) ready.push({ i, row: c.row });
      else waiting.push({ i, row: c.row });
    });
    const inserted = new Set<string>();
    for (let k = 0; k < ready.length; k += INSERT_ROWS) {
      const rows = await tx
        .insertInto('inbox')
        .values(ready.slice(k, k + INSERT_ROWS).map((r) => r.row))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const r of rows) inserted.add(r.id);
    }
    // the unique key decides first: what is already here is duplicate or conflict, whatever its attachments
    const rest = [...ready.filter((r) => !inserted.has(r.row.id)), ...waiting];
    const existing = new Map<string, string>();
    for (let k = 0; k < rest.length; k += INSERT_ROWS) {
      const ids = rest.slice(k, k + INSERT_ROWS).map((r) => r.row.id);
      const rows = await tx.selectFrom('inbox').select(['id', 'content_hash']).where('id', 'in', ids).execute();
      for (const r of rows) existing.set(r.id, r.content_hash);
    }
    const answered = new Set<string>();
    for (const { i, row } of ready) {
      // the first of the same id in this batch is stored; a repeat of it is a duplicate or conflict
      if (inserted.has(row.id) && !answered.has(row.id)) {
        answered.add(row.id);
        results[i] = { id: row.id, status: 'stored' };
      } else results[i] = againstExisting(row, existing.get(row.id) ?? firstHash(ready, row.id));
    }
    for (const { i, row } of waiting) {
      const hash = existing.get(row.id) ?? (inserted.has(row.id) ? firstHash(ready, row.id) : undefined);
      results[i] = hash === undefined ? { id: row.id, status: 'retry', reason: REASONS.attachmentsMissing } : againstExisting(row, hash);
    }
    if ((opts.source ?? 'sync') === 'sync') {
      await tx
        .updateTable('devices')
        .set({
          last_sync_at: now,
          last_seen_at: now,
          ...(opts.queueSize === undefined ? {} : { last_queue_size: queueAfter(opts.queueSize, results) }),
        })
        .where('id', '=', deviceId)
        .execute();
    }
  });
  return results;
}
