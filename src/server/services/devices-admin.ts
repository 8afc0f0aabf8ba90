import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';

export interface DeviceRow {
  id: string;
  name: string;
  enrolledBy: string | null;
  enrolledAt: string;
  lastSyncAt: string | null;
  lastQueueSize: number | null;
  revokedAt: string | null;
}

export async function listDevices(db: Kysely<DB>): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices as d')
    .leftJoin('staff_users as u', 'u.id', 'd.enrolled_by')
    .select(['d.id', 'd.name', 'u.name as by', 'd.enrolled_at', 'd.last_sync_at', 'd.last_queue_size', 'd.revoked_at'])
    .orderBy('d.enrolled_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    enrolledBy: r.by ?? null,
    enrolledAt: r.enrolled_at,
    lastSyncAt: r.last_sync_at,
    lastQueueSize: r.last_queue_size === null ? null : Number(r.last_queue_size),
    revokedAt: r.revoked_at,
  }));
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
