import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { audit } from './audit';

export type EngagementScope = 'all' | 'chosen';

export interface DeviceRow {
  id: string;
  name: string;
  enrolledBy: string | null;
  enrolledAt: string;
  lastSyncAt: string | null;
  lastQueueSize: number | null;
  revokedAt: string | null;
  /** 'all': every published engagement; 'chosen': only `engagementIds` */
  engagementScope: EngagementScope;
  engagementIds: string[];
}

export async function listDevices(db: Kysely<DB>): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices as d')
    .leftJoin('staff_users as u', 'u.id', 'd.enrolled_by')
    .select([
      'd.id',
      'd.name',
      'u.name as by',
      'd.enrolled_at',
      'd.last_sync_at',
      'd.last_queue_size',
      'd.revoked_at',
      'd.engagement_scope',
    ])
    .orderBy('d.enrolled_at', 'desc')
    .execute();
  const chosen = new Map<string, string[]>();
  for (const a of await db.selectFrom('device_engagements').select(['device_id', 'engagement_id']).orderBy('assigned_at').execute()) {
    chosen.set(a.device_id, [...(chosen.get(a.device_id) ?? []), a.engagement_id]);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    enrolledBy: r.by ?? null,
    enrolledAt: r.enrolled_at,
    lastSyncAt: r.last_sync_at,
    lastQueueSize: r.last_queue_size === null ? null : Number(r.last_queue_size),
    revokedAt: r.revoked_at,
    engagementScope: r.engagement_scope === 'chosen' ? 'chosen' : 'all',
    engagementIds: r.engagement_scope === 'chosen' ? (chosen.get(r.id) ?? []) : [],
  }));
}

/**
 * Chooses what a device carries: every published engagement, or only these (none is allowed: the
 * device then keeps only what its unsent answers still need). Takes effect on the device's next download.
 */
export async function setDeviceEngagements(
  db: Kysely<DB>,
  deviceId: string,
  input: { scope: EngagementScope; engagementIds: string[] },
  actor: string,
  now = new Date(),
): Promise<void> {
  const ids = input.scope === 'chosen' ? [...new Set(input.engagementIds)] : [];
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const device = await tx.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst();
    if (!device) throw new HttpError(404, 'not_found', 'There is no such device.');
    if (ids.length > 0) {
      const known = await tx.selectFrom('engagements').select('id').where('id', 'in', ids).execute();
      if (known.length !== ids.length)
        throw new HttpError(400, 'unknown_engagement', 'One of those engagements does not exist. Reload the page and try again.');
    }
    await tx.updateTable('devices').set({ engagement_scope: input.scope }).where('id', '=', deviceId).execute();
    await tx.deleteFrom('device_engagements').where('device_id', '=', deviceId).execute();
    if (ids.length > 0) {
      await tx
        .insertInto('device_engagements')
        .values(ids.map((engagement_id) => ({ device_id: deviceId, engagement_id, assigned_by: actor, assigned_at: at })))
        .execute();
    }
    await audit(tx, {
      actor,
      action: 'device.engagements',
      subject: `device:${deviceId}`,
      at,
      detail: { scope: input.scope, engagementIds: ids },
    });
  });
}

/** Takes effect on the device's next request: requireDevice checks revoked_at every time. */
export async function revokeDevice(db: Kysely<DB>, id: string, now = new Date()): Promise<void> {
  const res = await db
    .updateTable('devices')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  const exists = await db.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw new HttpError(404, 'not_found', 'There is no such device.');
}
