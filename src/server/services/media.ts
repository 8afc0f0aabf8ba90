/** Pictures and audio clips uploaded in the builder, stored in the database, addressed by their SHA-256. */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { badRequest } from '../errors';

// No SVG: an uploaded SVG could carry script. Bundled pictograms are SVG, but they ship with the app.
export const MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/webm',
  'audio/wav',
] as const;
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export async function storeMedia(db: Kysely<DB>, input: { name: string; type: string; dataBase64: string }, by: string) {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw badRequest('The file is empty.', 'empty_file');
  if (bytes.length > MEDIA_MAX_BYTES)
    throw badRequest('The file is larger than 5 MB. Use a smaller picture or a shorter clip.', 'too_large');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await db
    .insertInto('media')
    .values({
      sha256,
      type: input.type,
      size: bytes.length,
      name: input.name,
      data: bytes,
      created_by: by,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, url: `/media/${sha256}`, size: bytes.length, type: input.type };
}

export async function readMedia(db: Kysely<DB>, sha256: string) {
  const row = await db.selectFrom('media').select(['type', 'data']).where('sha256', '=', sha256).executeTakeFirst();
  return row ? { type: row.type, bytes: row.data } : null;
}
