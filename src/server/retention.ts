/** The server's periodic jobs. Each runs once per period across all instances (see jobs.ts). */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import type { Job } from './jobs';
import { purgeBankDetails } from './services/finance-payments';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** An upload no device has finished for this long is abandoned: its device starts again from byte 0. */
export const ABANDONED_UPLOAD_DAYS = 30;

export function retentionJobs(db: Kysely<DB>): Job[] {
  return [
    {
      name: 'purge-bank-details',
      everyMs: HOUR,
      async run(now) {
        return `purged ${await purgeBankDetails(db, now)}`;
      },
    },
    {
      name: 'purge-rate-limit-counters',
      everyMs: HOUR,
      async run(now) {
        // counters older than a day belong to windows long closed
        const r = await db
          .deleteFrom('rate_limits')
          .where('window_start', '<', now.getTime() - 24 * HOUR)
          .executeTakeFirst();
        return `deleted ${Number(r.numDeletedRows)}`;
      },
    },
    {
      name: 'purge-expired-credentials',
      everyMs: HOUR,
      async run(now) {
        // a credential that can no longer be used is only a liability: sessions, setup links, unused codes
        const iso = now.toISOString();
        const dayAgo = new Date(now.getTime() - DAY).toISOString();
        const sessions = await db.deleteFrom('staff_sessions').where('expires_at', '<', iso).executeTakeFirst();
        const setup = await db.deleteFrom('setup_tokens').where('expires_at', '<', dayAgo).executeTakeFirst();
        const codes = await db
          .deleteFrom('enrolment_codes')
          .where('expires_at', '<', dayAgo)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        return `deleted ${Number(sessions.numDeletedRows)} sessions, ${Number(setup.numDeletedRows)} setup links, ${Number(codes.numDeletedRows)} codes`;
      },
    },
    {
      name: 'purge-abandoned-uploads',
      everyMs: 6 * HOUR,
      async run(now) {
        const before = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * DAY).toISOString();
        return db.transaction().execute(async (tx) => {
          const stale = await tx
            .selectFrom('attachment_uploads')
            .select(['sha256', 'device_id'])
            .where('complete', '=', 0)
            .where('created_at', '<', before)
            .execute();
          // by (sha256, device): another device's upload of the same hash is its own, maybe complete
          for (let i = 0; i < stale.length; i += 200) {
            const slots = stale.slice(i, i + 200);
            for (const table of ['attachment_chunks', 'attachment_uploads'] as const) {
              await tx
                .deleteFrom(table)
                .where((eb) => eb.or(slots.map((s) => eb.and([eb('sha256', '=', s.sha256), eb('device_id', '=', s.device_id)]))))
                .execute();
            }
          }
          return `deleted ${stale.length} unfinished uploads`;
        });
      },
    },
  ];
}
