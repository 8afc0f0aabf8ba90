/**
 * Sessions reported by devices once closed: where and when, how many came, and the cash float. The
 * device that opened a session is the only one that may report it again (a resend after a lost answer, or
 * a correction); any other device's report of the same id is refused.
 */
import type { Kysely } from 'kysely';
import type { SessionReport, SessionSummary } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { markLateClaims } from './claims';

export async function storeSessionReports(db: Kysely<DB>, deviceId: string, reports: SessionReport[]): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    for (const r of reports) {
      const owner = await tx.selectFrom('sessions').select('device_id').where('id', '=', r.id).executeTakeFirst();
      if (owner && owner.device_id !== deviceId) {
        throw new HttpError(409, 'not_your_session', 'Another device reported a session with this id. Nothing was saved.');
      }
      const engagement = await tx.selectFrom('engagements').select('id').where('slug', '=', r.engagementSlug).executeTakeFirst();
      const values = {
        engagement_slug: r.engagementSlug,
        engagement_id: engagement?.id ?? null,
        venue: r.venue,
        area: r.area,
        date: r.date,
        time_zone: r.timeZone,
        opened_at: new Date(r.openedAt).toISOString(),
        closed_at: new Date(r.closedAt).toISOString(),
        attendance: r.attendance,
        notes: r.notes,
        float_issued_pence: r.floatIssued,
        float_paid_out_pence: r.floatPaidOut,
        float_returned_pence: r.floatReturned,
        received_at: now,
      };
      await tx
        .insertInto('sessions')
        .values({ id: r.id, device_id: deviceId, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      await markLateClaims(tx, r.id, values.opened_at);
    }
  });
}

/** Sessions for finance, newest first. */
export async function listSessions(db: Kysely<DB>, limit = 200): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions as s')
    .leftJoin('devices as d', 'd.id', 's.device_id')
    .leftJoin('cash_floats as f', 'f.session_id', 's.id')
    .select([
      's.id',
      's.engagement_slug',
      's.venue',
      's.area',
      's.date',
      's.closed_at',
      's.attendance',
      's.notes',
      's.float_issued_pence',
      's.float_paid_out_pence',
      's.float_returned_pence',
      'd.name as device',
      'f.session_id as recorded',
      'f.reconciled_at',
    ])
    .orderBy('s.date', 'desc')
    .orderBy('s.closed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    engagementSlug: r.engagement_slug,
    venue: r.venue,
    area: r.area,
    date: r.date,
    closedAt: r.closed_at,
    attendance: r.attendance === null ? null : Number(r.attendance),
    notes: r.notes,
    device: r.device ?? '',
    reported: reportedFloat(r),
    recorded: r.recorded !== null,
    reconciledAt: r.reconciled_at ?? null,
  }));
}

export function reportedFloat(r: { float_issued_pence: unknown; float_paid_out_pence: unknown; float_returned_pence: unknown }) {
  return {
    issuedPence: Number(r.float_issued_pence),
    paidOutPence: Number(r.float_paid_out_pence),
    returnedPence: r.float_returned_pence === null ? null : Number(r.float_returned_pence),
  };
}
