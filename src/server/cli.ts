/** Staff commands for the terminal: `npm run cli -- <command>`. */
import fs from 'node:fs';
import { normaliseReference } from '../shared/feedback';
import { loadConfig } from './config';
import { openDatabase } from './db/index';
import { loadServerKey } from './keys';
import { createEnrolmentCode } from './services/devices';
import { VersionKeys } from './services/engagements';
import { eraseByReference } from './services/erasure';
import { DEFAULT_BANK_RETENTION_DAYS, purgeBankDetails } from './services/finance-payments';
import { importExport, parseExport } from './services/import';

const HELP = `Usage: npm run cli -- <command>

  counts        bundles received per engagement and version
  enrol-code    a one-time code to enrol a device (valid 15 minutes)
  devices       enrolled devices, last sync and queue size
  purge-bank-details [--now ISO] [--days N]
                bank details of claims paid more than N days (default 30) before now, removed and audited
  import FILE   import a device's export of bundles that need attention (still encrypted)
  erase REFERENCE --reason TEXT
                erase the personal data given under a reference code (answers and counts stay)
  held          bundles kept for staff: imported but not taken, or received but not readable
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
      case 'import': {
        const file = argv[1];
        if (!file) throw new Error('Usage: npm run cli -- import <file>');
        const config = loadConfig();
        const keys = new VersionKeys(db, loadServerKey(config.dataDir, config.serverKey));
        const lines = await importExport(db, keys, parseExport(fs.readFileSync(file, 'utf8')));
        console.table(lines);
        const n = (o: string) => lines.filter((l) => l.outcome === o).length;
        console.log(
          `Imported ${n('imported')}, already on the server ${n('already on the server')}, held for staff ${n('held for staff')}.`,
        );
        break;
      }
      case 'erase': {
        const reference = normaliseReference(argv[1] ?? '');
        const reason = argv.includes('--reason') ? argv[argv.indexOf('--reason') + 1] : undefined;
        if (!argv[1] || !reason) throw new Error('Usage: npm run cli -- erase <reference> --reason "how the participant asked"');
        const s = await eraseByReference(db, reference, 'cli', reason);
        console.log(
          `Erased: ${s.bundles} bundle(s), ${s.claims} claim(s) (${s.withdrawnClaims} withdrawn), ${s.attachments} attachment(s), ${s.contacts} contact(s).`,
        );
        break;
      }
      case 'held': {
        const held = await db.selectFrom('held_bundles').select(['bundle_id', 'status', 'reason', 'source', 'received_at']).execute();
        const failed = await db
          .selectFrom('inbox')
          .select(['id as bundle_id', 'reason', 'received_at'])
          .where('state', '=', 'failed')
          .execute();
        console.table([...held, ...failed.map((f) => ({ ...f, status: 'unreadable', source: 'sync' }))]);
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
