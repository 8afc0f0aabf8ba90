/**
 * Bundles the opener could not open (inbox `failed`): listed for staff with their reason, read decrypted
 * for repair (audited: it is personal data), and accepted after repair through the opener's own check and
 * write, so a repaired bundle lands exactly as an opened one would (audited, with the staff member's note).
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { BundlePayloadSchema } from '../../shared/bundle';
import { pathsOf } from '../../shared/issues';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { audit } from './audit';
import type { VersionKeys } from './engagements';
import { checkPayload, decryptRow } from './open-row';
import { writeOpened } from './opener';

export async function listFailed(db: Kysely<DB>) {
  return db
    .selectFrom('inbox')
    .select(['id', 'engagement_version_id', 'device_id', 'source', 'received_at', 'reason'])
    .where('state', '=', 'failed')
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

async function failedRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('inbox').selectAll().where('id', '=', id).where('state', '=', 'failed').executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'No bundle waiting for repair has this id.');
  return row;
}

/** The failed bundle's content as the device sealed it: parsed JSON where it is JSON, else the text. */
export async function readFailed(db: Kysely<DB>, keys: VersionKeys, id: string, actor: string) {
  const row = await failedRow(db, id);
  const opened = await decryptRow(row, keys);
  await audit(db, { actor, action: 'bundle.read_for_repair', subject: `bundle:${id}`, at: new Date().toISOString() });
  const base = { id, reason: row.reason, receivedAt: row.received_at, engagementVersionId: row.engagement_version_id };
  if ('reason' in opened) return { ...base, readable: false as const, why: opened.reason };
  const text = new TextDecoder().decode(opened.plaintext);
  try {
    const payload: unknown = JSON.parse(text);
    const problems = v.safeParse(BundlePayloadSchema, payload);
    return { ...base, readable: true as const, payload, problems: problems.success ? [] : pathsOf(problems.issues) };
  } catch {
    return { ...base, readable: true as const, text, problems: [''] };
  }
}

/** Accepts a repaired payload: the opener's check (the shared schema), then the opener's write, audited. */
export async function repairFailed(db: Kysely<DB>, keys: VersionKeys, id: string, payload: unknown, actor: string, note: string) {
  const row = await failedRow(db, id);
  const outcome = checkPayload(row, payload);
  if (!('row' in outcome)) {
    const parsed = v.safeParse(BundlePayloadSchema, payload);
    const where = parsed.success ? [] : pathsOf(parsed.issues);
    throw new HttpError(422, 'still_invalid', `${outcome.reason}${where.length ? ` (${where.join(', ')})` : ''}`);
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    if ((await writeOpened(tx, [outcome], keys, now, 'failed')) === 0)
      throw new HttpError(409, 'already_repaired', 'This bundle was repaired or opened meanwhile.');
    await audit(tx, { actor, action: 'bundle.repaired', subject: `bundle:${id}`, reason: note, at: now, detail: { was: row.reason } });
  });
  return { id, state: 'opened' as const };
}
