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
import type { VersionKeys } from './engagements';

export const REASONS = {
  malformed: 'This answer was saved in a form the server cannot read. Keep it and export it for staff.',
  unknownVersion:
    'The server does not know this engagement version. Check the device has the current engagement, then export it for staff.',
  unreadable: 'This answer could not be opened: it was changed after it was saved, or sealed for another engagement. Export it for staff.',
  invalidContent: 'This answer is not complete or has values the engagement does not allow. Export it for staff.',
  conflict: 'Another, different answer with the same number is already on the server. Export this one for staff.',
  attachmentsMissing: 'A photo or recording of this answer has not reached the server yet. It will be sent again.',
  attachmentsMismatch: 'The photos or recordings of this answer do not match what it lists. Staff can see it on the server.',
} as const;

export type InboxRow = DB['inbox'];
/** The same value as shared envelopeHash, computed synchronously: this is on every item's path. */
export function contentHash(e: Envelope): string {
  return createHash('sha256').update(`${e.wk}.${e.iv}.${e.ct}`).digest('hex');
}

type Checked = { kind: 'ok'; row: InboxRow } | { kind: 'done'; result: ItemResult };

function rejected(id: string, reason: string): Checked {
  return { kind: 'done', result: { id, status: 'rejected', reason } };
}

async function check(raw: unknown, deviceId: string, keys: VersionKeys, now: string, source: string): Promise<Checked> {
  const id = (raw as { id?: unknown } | null)?.id as string;
  const parsed = v.safeParse(SyncItemSchema, raw);
  if (!parsed.success) return rejected(id, REASONS.malformed);
  const item = parsed.output;
  if (!(await keys.get(item.engagementVersionId))) return rejected(id, REASONS.unknownVersion);
  return {
    kind: 'ok',
    row: {
      id: item.id,
      engagement_version_id: item.engagementVersionId,
      device_id: deviceId,
      content_hash: contentHash(item.envelope),
      envelope_json: JSON.stringify(item.envelope),
      attachments_json: JSON.stringify(item.attachments ?? []),
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

/** Of these attachment hashes, the ones the server holds whole and verified. */
async function completeAttachments(db: Kysely<DB>, hashes: string[]): Promise<Set<string>> {
  const have = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('attachment_uploads')
      .select('sha256')
      .where('sha256', 'in', hashes.slice(i, i + 500))
      .where('complete', '=', 1)
      .execute();
    for (const r of rows) have.add(r.sha256);
  }
  return have;
}

export interface IngestOptions {
  queueSize?: number;
  /** 'paper': a paper form a staff member entered in the staff web (no device to update) */
  source?: 'sync' | 'import' | 'paper';
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
  const needed = checked.flatMap((c) => (c.kind === 'ok' ? (JSON.parse(c.row.attachments_json) as string[]) : []));
  const have = needed.length > 0 ? await completeAttachments(db, [...new Set(needed)]) : new Set<string>();
  const results: ItemResult[] = new Array(checked.length);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < checked.length; i++) {
      const c = checked[i] as Checked;
      if (c.kind === 'done') {
        results[i] = c.result;
        continue;
      }
      const inserted = await tx
        .insertInto('inbox')
        .values(c.row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        // the unique key decides first; only a new bundle must wait for its attachments
        if ((JSON.parse(c.row.attachments_json) as string[]).every((h) => have.has(h))) {
          results[i] = { id: c.row.id, status: 'stored' };
        } else {
          await tx.deleteFrom('inbox').where('id', '=', c.row.id).execute();
          results[i] = { id: c.row.id, status: 'retry', reason: REASONS.attachmentsMissing };
        }
        continue;
      }
      const existing = await tx.selectFrom('inbox').select('content_hash').where('id', '=', c.row.id).executeTakeFirstOrThrow();
      results[i] =
        existing.content_hash === c.row.content_hash
          ? { id: c.row.id, status: 'duplicate' }
          : { id: c.row.id, status: 'conflict', reason: REASONS.conflict };
    }
    if ((opts.source ?? 'sync') === 'sync') {
      await tx
        .updateTable('devices')
        .set({ last_sync_at: now, last_seen_at: now, ...(opts.queueSize === undefined ? {} : { last_queue_size: opts.queueSize }) })
        .where('id', '=', deviceId)
        .execute();
    }
  });
  return results;
}
