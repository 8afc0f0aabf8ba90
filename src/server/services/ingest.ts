/**
 * Ingest of a sync batch (DESIGN.md, sync protocol point 4): each item is checked and opened, then every
 * accepted item is written in ONE transaction, and the answer goes back only after it committed.
 * Idempotency rests on the bundles primary key: a resend with the same content is `duplicate`, the same
 * id with other content is `conflict`.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type BundlePayload, BundlePayloadSchema } from '../../shared/bundle';
import { envelopeHash, open } from '../../shared/envelope';
import { type ItemResult, SyncItemSchema } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { storeClaim } from './claims';
import type { VersionKeys } from './engagements';
import { storeParticipation } from './participation';

export const REASONS = {
  malformed: 'This answer was saved in a form the server cannot read. Keep it and export it for staff.',
  unknownVersion:
    'The server does not know this engagement version. Check the device has the current engagement, then export it for staff.',
  unreadable: 'This answer could not be opened: it was changed after it was saved, or sealed for another engagement. Export it for staff.',
  invalidContent: 'This answer is not complete or has values the engagement does not allow. Export it for staff.',
  conflict: 'Another, different answer with the same number is already on the server. Export this one for staff.',
} as const;

type Accepted = { kind: 'ok'; row: DB['bundles']; payload: BundlePayload };
type Checked = Accepted | { kind: 'done'; result: ItemResult };

function rejected(id: string, reason: string): Checked {
  return { kind: 'done', result: { id, status: 'rejected', reason } };
}

async function check(raw: unknown, deviceId: string, keys: VersionKeys, now: string): Promise<Checked> {
  const id = (raw as { id?: unknown } | null)?.id as string;
  const parsed = v.safeParse(SyncItemSchema, raw);
  if (!parsed.success) return rejected(id, REASONS.malformed);
  const item = parsed.output;
  const key = await keys.get(item.engagementVersionId);
  if (!key) return rejected(id, REASONS.unknownVersion);
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await open(item.envelope, key, item.id, item.engagementVersionId));
  } catch {
    return rejected(id, REASONS.unreadable);
  }
  let payload: v.InferOutput<typeof BundlePayloadSchema>;
  try {
    const result = v.safeParse(BundlePayloadSchema, JSON.parse(new TextDecoder().decode(plaintext)));
    if (!result.success) return rejected(id, REASONS.invalidContent);
    payload = result.output;
  } catch {
    return rejected(id, REASONS.invalidContent);
  }
  if (payload.id !== item.id || payload.engagementVersionId !== item.engagementVersionId) {
    return rejected(id, REASONS.invalidContent);
  }
  return {
    kind: 'ok',
    payload,
    row: {
      id: item.id,
      engagement_version_id: item.engagementVersionId,
      device_id: deviceId,
      content_hash: await envelopeHash(item.envelope),
      envelope_json: JSON.stringify(item.envelope),
      received_at: now,
      created_at: new Date(payload.createdAt).toISOString(),
      session_id: payload.sessionId ?? null,
      locale: payload.locale,
      format: payload.format,
      input_method: payload.inputMethod,
      reference_code: payload.referenceCode,
      answers_json: JSON.stringify(payload.answers),
      attachment_count: payload.attachments.length,
    },
  };
}

/** A raw item's id, when it has one we can report back; otherwise the whole batch is malformed. */
export function reportableId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

export async function ingestBatch(
  db: Kysely<DB>,
  keys: VersionKeys,
  deviceId: string,
  items: unknown[],
  queueSize: number | undefined,
): Promise<ItemResult[]> {
  const now = new Date().toISOString();
  const checked = await Promise.all(items.map((raw) => check(raw, deviceId, keys, now)));
  const results: ItemResult[] = new Array(checked.length);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < checked.length; i++) {
      const c = checked[i] as Checked;
      if (c.kind === 'done') {
        results[i] = c.result;
        continue;
      }
      const inserted = await tx
        .insertInto('bundles')
        .values(c.row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        await storeClaim(tx, c.payload, keys.serverKey, { deviceId, receivedAt: now });
        await storeParticipation(tx, c.payload, keys.serverKey);
        results[i] = { id: c.row.id, status: 'stored' };
        continue;
      }
      const existing = await tx.selectFrom('bundles').select('content_hash').where('id', '=', c.row.id).executeTakeFirstOrThrow();
      results[i] =
        existing.content_hash === c.row.content_hash
          ? { id: c.row.id, status: 'duplicate' }
          : { id: c.row.id, status: 'conflict', reason: REASONS.conflict };
    }
    await tx
      .updateTable('devices')
      .set({ last_sync_at: now, last_seen_at: now, ...(queueSize === undefined ? {} : { last_queue_size: queueSize }) })
      .where('id', '=', deviceId)
      .execute();
  });
  return results;
}
