/** Staff commands for the terminal: `npm run cli -- <command>`. */
import { loadConfig } from './config';
import { openDatabase } from './db/index';
import { createEnrolmentCode } from './services/devices';
import { DEFAULT_BANK_RETENTION_DAYS, purgeBankDetails } from './services/finance-payments';

const HELP = `Usage: npm run cli -- <command>

  counts        bundles received per engagement and version
  enrol-code    a one-time code to enrol a device (valid 15 minutes)
  devices       enrolled devices, last sync and queue size
  purge-bank-details [--now ISO] [--days N]
                bank details of claims paid more than N days (default 30) before now, removed and audited
`;

async function main(argv: string[]) {
  const [command] = argv;
  const database = await openDatabase(loadConfig());
  const { db } = database;
  try {
    switch (command) {
      case 'counts': {
        const rows = await db
          .selectFrom('engagements as e')
          .innerJoin('engagement_versions as v', 'v.engagement_id', 'e.id')
          .leftJoin('bundles as b', 'b.engagement_version_id', 'v.id')
          .select(({ fn }) => ['e.slug', 'v.version', fn.count<number>('b.id').as('bundles')])
          .groupBy(['e.slug', 'v.version'])
          .orderBy('e.slug')
          .orderBy('v.version')
          .execute();
        console.table(rows.map((r) => ({ engagement: r.slug, version: Number(r.version), bundles: Number(r.bundles) })));
        break;
      }
      case 'enrol-code': {
        const { code, expiresAt } = await createEnrolmentCode(db, null);
        console.log(`Enrolment code: ${code} (valid until ${expiresAt})`);
        break;
      }
      case 'devices': {
        const rows = await db
          .selectFrom('devices')
          .select(['name', 'enrolled_at', 'last_sync_at', 'last_queue_size', 'revoked_at'])
          .execute();
        console.table(rows);
        break;
      }
      case 'purge-bank-details': {
        const opt = (name: string) => argv[argv.indexOf(name) + 1];
        const now = argv.includes('--now') ? new Date(opt('--now') ?? '') : new Date();
        const days = argv.includes('--days') ? Number(opt('--days')) : DEFAULT_BANK_RETENTION_DAYS;
        if (Number.isNaN(now.getTime()) || !Number.isInteger(days) || days < 0)
          throw new Error('--now takes an ISO instant, --days a whole number');
        console.log(`Bank details removed from ${await purgeBankDetails(db, now, days)} paid claims.`);
        break;
      }
      default:
        process.stdout.write(HELP);
        if (command && command !== 'help') process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
