/**
 * Resumable attachment uploads, addressed by the sha256 of the sealed bytes (DESIGN.md, sync protocol
 * point 3). Chunks are appended in order; once every byte is here the whole is hashed, and only a match
 * makes it `complete`. A mismatch throws the upload away so the device sends it again from the start.
 * A slot belongs to the device that started it: every read and write is by (sha256, device), so another
 * device that knows the hash sees no slot and starts its own; it can neither claim nor probe this one.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttachmentState } from '../../shared/protocol';
import { isSqlite } from '../db/dialect';
import { relaxedTransaction } from '../db/relaxed';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';

type Slot = { sha256: string; deviceId: string };

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const hashMismatch = () =>
  new HttpError(422, 'hash_mismatch', 'The attachment that arrived does not match its sha256. Send it again from the start.');

export async function attachmentState(db: Kysely<DB>, { sha256, deviceId }: Slot): Promise<AttachmentState> {
  const row = await db
    .selectFrom('attachment_uploads')
    .select(['received', 'complete'])
    .where('sha256', '=', sha256)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return { sha256, received: Number(row?.received ?? 0), complete: Number(row?.complete ?? 0) === 1 };
}

/** Reassembles an attachment's bytes in order. */
export async function attachmentBytes(db: Kysely<DB>, { sha256, deviceId }: Slot): Promise<Buffer> {
  const chunks = await db
    .selectFrom('attachment_chunks')
    .select('data')
    .where('sha256', '=', sha256)
    .where('device_id', '=', deviceId)
    .orderBy('offset')
    .execute();
  return Buffer.concat(chunks.map((c) => c.data));
}

/**
 * Throws a device's slot away, chunks and all. The slot's row first: every writer locks it before its chunks,
 * so two requests writing the same attachment at once wait for each other rather than deadlock (PostgreSQL).
 */
async function dropSlot(db: Kysely<DB>, { sha256, deviceId }: Slot): Promise<void> {
  await db.deleteFrom('attachment_uploads').where('sha256', '=', sha256).where('device_id', '=', deviceId).execute();
  await db.deleteFrom('attachment_chunks').where('sha256', '=', sha256).where('device_id', '=', deviceId).execute();
}

export async function putChunk(
  db: Kysely<DB>,
  deviceId: string,
  input: { sha256: string; offset: number; size: number; chunk: Buffer },
): Promise<AttachmentState> {
  const { sha256, offset, size, chunk } = input;
  const slot = { sha256, deviceId };
  const now = new Date().toISOString();
  let mismatch = false;
  const state = await relaxedTransaction(db, async (tx): Promise<AttachmentState> => {
    const query = tx.selectFrom('attachment_uploads').selectAll().where('sha256', '=', sha256).where('device_id', '=', deviceId);
    // PostgreSQL: the slot is held until this commits, so a chunk sent twice at once is checked against what the
    // first wrote, not against what both read before it (SQLite runs one transaction at a time anyway)
    const row = await (isSqlite(tx) ? query : query.forUpdate()).executeTakeFirst();
    if (row && Number(row.complete) === 1) return { sha256, received: Number(row.size), complete: true };
    const received = Number(row?.received ?? 0);
    if (row && Number(row.size) !== size) throw new HttpError(409, 'size_mismatch', 'This upload was started with another size.');
    // an out-of-order chunk is refused with where to resume, so a retried request cannot write twice
    if (offset !== received) throw new HttpError(409, 'wrong_offset', `Resume from byte ${received}.`);
    if (offset + chunk.length > size) throw new HttpError(400, 'too_long', 'This chunk goes past the end of the attachment.');
    const last = offset + chunk.length === size;
    if (last) {
      // the whole is checked before the last chunk commits: one transaction, and never a wrong "complete"
      const before = offset > 0 ? await attachmentBytes(tx, slot) : Buffer.alloc(0);
      if (createHash('sha256').update(before).update(chunk).digest('hex') !== sha256) {
        await dropSlot(tx, slot);
        mismatch = true;
        return { sha256, received: 0, complete: false };
      }
    }
    const values = { received: offset + chunk.length, complete: last ? 1 : 0, completed_at: last ? now : null };
    // two requests for the same slot at once (a resend racing its first try): the one that writes second finds
    // the slot or the chunk taken and is told to ask where to resume, instead of failing on the unique key
    const raced = new HttpError(409, 'wrong_offset', 'Another request wrote this part a moment ago. Ask where to resume.');
    if (row)
      await tx.updateTable('attachment_uploads').set(values).where('sha256', '=', sha256).where('device_id', '=', deviceId).execute();
    else {
      const made = await tx
        .insertInto('attachment_uploads')
        .values({ sha256, size, device_id: deviceId, created_at: now, ...values })
        .onConflict((oc) => oc.columns(['sha256', 'device_id']).doNothing())
        .returning('sha256')
        .executeTakeFirst();
      if (!made) throw raced;
    }
    const wrote = await tx
      .insertInto('attachment_chunks')
      .values({ sha256, device_id: deviceId, offset, data: chunk })
      .onConflict((oc) => oc.columns(['sha256', 'device_id', 'offset']).doNothing())
      .returning('sha256')
      .executeTakeFirst();
    if (!wrote) throw raced;
    return { sha256, received: values.received, complete: last };
  });
  if (mismatch) {
    throw hashMismatch();
  }
  return state;
}

/**
 * Stores attachments that arrived whole and were checked against their hash (a batch's own: shared/batch-frame.ts),
 * inside the caller's transaction. A part-made chunked upload of one is replaced by the whole; one already whole is
 * left as it is, also when another request stored it a moment ago (a resend racing its first try).
 */
export async function putWholeIn(tx: Kysely<DB>, deviceId: string, attachments: { sha256: string; bytes: Buffer }[]): Promise<void> {
  if (attachments.length === 0) return;
  const rows = await tx
    .selectFrom('attachment_uploads')
    .select(['sha256', 'complete'])
    .where('device_id', '=', deviceId)
    .where(
      'sha256',
      'in',
      attachments.map((a) => a.sha256),
    )
    .execute();
  const held = new Map(rows.map((r) => [r.sha256, Number(r.complete) === 1]));
  const now = new Date().toISOString();
  for (const { sha256, bytes } of attachments) {
    if (held.get(sha256)) continue;
    // the slot's row first, made or taken over: every writer locks it before its chunks, so requests storing the
    // same attachment at once wait for each other rather than deadlock (PostgreSQL)
    await tx
      .insertInto('attachment_uploads')
      .values({ sha256, size: bytes.length, device_id: deviceId, created_at: now, received: bytes.length, complete: 1, completed_at: now })
      .onConflict((oc) =>
        oc.columns(['sha256', 'device_id']).doUpdateSet({ size: bytes.length, received: bytes.length, complete: 1, completed_at: now }),
      )
      .execute();
    // whatever part of it is here goes: the whole replaces it (also a part another request began a moment ago)
    await tx
      .deleteFrom('attachment_chunks')
      .where('sha256', '=', sha256)
      .where('device_id', '=', deviceId)
      .where('offset', '<>', 0)
      .execute();
    await tx
      .insertInto('attachment_chunks')
      .values({ sha256, device_id: deviceId, offset: 0, data: bytes })
      .onConflict((oc) => oc.columns(['sha256', 'device_id', 'offset']).doUpdateSet({ data: bytes }))
      .execute();
  }
}

/** Stores a whole attachment at once (staff import), checking its hash. */
export async function putWhole(db: Kysely<DB>, deviceId: string, sha256: string, bytes: Buffer): Promise<void> {
  if (sha256Of(bytes) !== sha256) throw hashMismatch();
  await relaxedTransaction(db, (tx) => putWholeIn(tx, deviceId, [{ sha256, bytes }]));
}
