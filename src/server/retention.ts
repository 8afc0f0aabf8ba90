/** The server's periodic jobs. Each runs once per period across all instances (see jobs.ts). */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import type { Job } from './jobs';
import { purgeBankDetails } from './services/finance-payments';

const HOUR = 3600_000;

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
  ];
}
