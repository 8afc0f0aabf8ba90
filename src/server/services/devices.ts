import type { Kysely } from 'kysely';
import type { PublishedEngagement } from '../../shared/engagement';
import { normaliseReferenceCode, referenceCode } from '../../shared/ids';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { hashToken, randomToken } from '../keys';
import { listPublished } from './engagements';

export const ENROLMENT_CODE_MINUTES = 15;

/** A one-time enrolment code, short enough to type (same alphabet as reference codes). */
export async function createEnrolmentCode(
  db: Kysely<DB>,
  createdBy: string | null,
  now = new Date(),
): Promise<{ code: string; expiresAt: string }> {
  const code = referenceCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_MINUTES * 60_000).toISOString();
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: hashToken(code),
      created_by: createdBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      device_id: null,
    })
    .execute();
  return { code, expiresAt };
}

export async function enrolDevice(
  db: Kysely<DB>,
  input: { code: string; name: string; previousToken?: string },
  now = new Date(),
): Promise<{ deviceId: string; token: string; replaces?: string }> {
  const codeHash = hashToken(normaliseReferenceCode(input.code));
  const deviceId = crypto.randomUUID();
  // 256 random bits; only its hash is stored
  const token = randomToken(32);
  const nowIso = now.toISOString();
  let replaces: string | undefined;
  await db.transaction().execute(async (tx) => {
    const code = await tx.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    if (!code || code.used_at || code.expires_at <= nowIso) {
      throw new HttpError(
        400,
        'enrolment_code_invalid',
        'That code is not valid. Codes work once, for 15 minutes. Ask an organiser for a new one.',
      );
    }
    // The used_at guard makes a code work once even when two devices race for it.
    const claimed = await tx
      .updateTable('enrolment_codes')
      .set({ used_at: nowIso, device_id: deviceId })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new HttpError(400, 'enrolment_code_invalid', 'That code has just been used. Ask an organiser for a new one.');
    }
    await tx
      .insertInto('devices')
      .values({
        id: deviceId,
        name: input.name,
        token_hash: hashToken(token),
        enrolled_by: code.created_by,
        enrolled_at: nowIso,
        last_seen_at: nowIso,
        last_sync_at: null,
        last_queue_size: null,
        revoked_at: null,
      })
      .execute();
    replaces = await keepAssignment(tx, input.previousToken, deviceId, nowIso);
  });
  return { deviceId, token, replaces };
}

/**
 * The same device enrolled again (it proves it with the token it held) carries what it carried before,
 * not every published engagement. Returns the id it had.
 */
async function keepAssignment(tx: Kysely<DB>, previousToken: string | undefined, deviceId: string, at: string) {
  if (!previousToken) return undefined;
  const before = await tx
    .selectFrom('devices')
    .select(['id', 'engagement_scope'])
    .where('token_hash', '=', hashToken(previousToken))
    .executeTakeFirst();
  if (!before) return undefined;
  await tx.updateTable('devices').set({ engagement_scope: before.engagement_scope }).where('id', '=', deviceId).execute();
  const chosen = await tx.selectFrom('device_engagements').selectAll().where('device_id', '=', before.id).execute();
  if (chosen.length > 0)
    await tx
      .insertInto('device_engagements')
      .values(chosen.map((c) => ({ ...c, device_id: deviceId, assigned_at: at })))
      .execute();
  return before.id;
}

/** The published engagements a device carries: all of them, or the ones an organiser chose for it. */
export async function engagementsForDevice(db: Kysely<DB>, deviceId: string): Promise<PublishedEngagement[]> {
  const device = await db.selectFrom('devices').select('engagement_scope').where('id', '=', deviceId).executeTakeFirst();
  const published = await listPublished(db);
  if (device?.engagement_scope !== 'chosen') return published;
  const rows = await db.selectFrom('device_engagements').select('engagement_id').where('device_id', '=', deviceId).execute();
  const chosen = new Set(rows.map((r) => r.engagement_id));
  return published.filter((e) => chosen.has(e.engagementId));
}
