/**
 * Opens one sealed attachment of a stored bundle for staff: the bundle's envelope gives back its content
 * key (the engagement version's private key unwraps it), the payload says which index the attachment has
 * (the index is in its AAD), and the bytes are checked against their sha256 before and after opening.
 * Nothing opened is written anywhere: the plain bytes live only in the response.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type AttachmentRef, type BundlePayload, BundlePayloadSchema } from '../../shared/bundle';
import { type Envelope, open, openAttachment } from '../../shared/envelope';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { attachmentBytes, attachmentState, sha256Of as sha256 } from './attachments';
import type { VersionKeys } from './engagements';
import { ERASED_ENVELOPE } from './erasure';

export interface OpenedAttachment {
  ref: AttachmentRef;
  bytes: Buffer;
}

export const erasedError = () =>
  new HttpError(410, 'erased', "This participant's data was erased at their request: its attachments are gone.");

/** Whether the stored bundle was erased (issue 8): its envelope, voice clips and receipts are gone. */
export async function isErased(db: Kysely<DB>, bundleId: string): Promise<boolean> {
  const row = await db.selectFrom('inbox').select('envelope_json').where('id', '=', bundleId).executeTakeFirst();
  return row?.envelope_json === ERASED_ENVELOPE;
}

const refused = (why: string) => new HttpError(422, 'attachment_unreadable', why);

/** The stored bundle's payload and content key; 404 when there is no such opened bundle. */
export async function openStoredBundle(
  db: Kysely<DB>,
  keys: VersionKeys,
  bundleId: string,
): Promise<{ payload: BundlePayload; contentKey: CryptoKey; deviceId: string }> {
  // the envelope is kept once, in the inbox row of the same id
  const row = await db
    .selectFrom('bundles')
    .innerJoin('inbox', 'inbox.id', 'bundles.id')
    .select(['inbox.envelope_json', 'bundles.engagement_version_id', 'bundles.device_id'])
    .where('bundles.id', '=', bundleId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'There is no stored bundle with that id.');
  if (row.envelope_json === ERASED_ENVELOPE) throw erasedError();
  const key = await keys.get(row.engagement_version_id);
  if (!key) throw refused('The key of this engagement version is missing, so its attachments cannot be opened.');
  try {
    const { plaintext, contentKey } = await open(JSON.parse(row.envelope_json) as Envelope, key, bundleId, row.engagement_version_id);
    const payload = v.parse(BundlePayloadSchema, JSON.parse(new TextDecoder().decode(plaintext)));
    return { payload, contentKey, deviceId: row.device_id };
  } catch {
    throw refused('This bundle could not be opened again, so its attachments cannot be read.');
  }
}

/** Which attachment: by the sha256 of its sealed bytes, or by its index in the payload (a voice answer's). */
export type Pick = { sha256: string; plainSha256?: string | null } | { index: (payload: BundlePayload) => number | undefined };

/**
 * Opens one attachment of a stored bundle. `plainSha256`, when known (a receipt line keeps its image's
 * own hash), is checked after opening too. Refused with 422, never returned, when the stored bytes were
 * changed.
 */
export async function openBundleAttachment(db: Kysely<DB>, keys: VersionKeys, bundleId: string, pick: Pick): Promise<OpenedAttachment> {
  const { payload, contentKey, deviceId } = await openStoredBundle(db, keys, bundleId);
  const index = 'sha256' in pick ? payload.attachments.findIndex((a) => a.sha256 === pick.sha256) : (pick.index(payload) ?? -1);
  const ref = payload.attachments[index];
  if (!ref) throw new HttpError(404, 'not_found', 'This bundle has no such attachment.');
  const sealedSha256 = ref.sha256;
  const plainSha256 = 'sha256' in pick ? pick.plainSha256 : null;
  // the copy the bundle's own device uploaded: the one its bundle was taken with
  const slot = { sha256: sealedSha256, deviceId };
  if (!(await attachmentState(db, slot)).complete)
    throw new HttpError(404, 'not_arrived', 'This attachment has not fully arrived from the device yet.');
  const sealed = await attachmentBytes(db, slot);
  if (sha256(sealed) !== sealedSha256) throw refused('The stored attachment does not match its sha256: it was changed after it arrived.');
  let plain: Uint8Array;
  try {
    plain = await openAttachment(contentKey, bundleId, index, new Uint8Array(sealed));
  } catch {
    throw refused('The attachment could not be opened with its bundle key: it was changed or belongs to another bundle.');
  }
  if (plainSha256 && sha256(plain) !== plainSha256) throw refused('The opened attachment does not match the hash its bundle gave.');
  return { ref, bytes: Buffer.from(plain) };
}

/** Media types by their first bytes: never trust the declared type. */
const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { type: 'audio/webm', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { type: 'audio/ogg', test: (b) => b.toString('latin1', 0, 4) === 'OggS' },
  { type: 'audio/mp4', test: (b) => b.toString('latin1', 4, 8) === 'ftyp' },
  { type: 'audio/wav', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE' },
  { type: 'audio/mpeg', test: (b) => b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
];

/** The real media type of `bytes` if it is one of `allowed`; else a clear 415. */
export function mediaTypeOf(bytes: Buffer, allowed: 'image' | 'audio'): string {
  const found = SIGNATURES.find((s) => s.type.startsWith(`${allowed}/`) && s.test(bytes));
  if (found) return found.type;
  throw new HttpError(
    415,
    'unsupported_media_type',
    allowed === 'image'
      ? 'This receipt is not a JPEG, PNG or WebP image, so it cannot be shown.'
      : 'This voice clip is not WebM, Ogg, MP4, WAV or MP3 audio, so it cannot be played.',
  );
}
