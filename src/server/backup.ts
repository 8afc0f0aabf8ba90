/**
 * `npm run backup [folder]`: an online backup while the server runs. SQLite: a consistent copy through
 * SQLite's backup API, plus the server key (without it the sealed secrets in the copy cannot be opened).
 * PostgreSQL: use pg_dump (printed guidance), since the database lives outside this machine's data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Config, loadConfig } from './config';

export async function backupSqlite(
  config: Pick<Config, 'dataDir' | 'serverKey'>,
  dest: string,
): Promise<{ folder: string; bytes: number }> {
  const source = path.join(config.dataDir, 'blether.sqlite');
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
  const target = path.join(dest, 'blether.sqlite');
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const keyFile = path.join(config.dataDir, 'server.key');
  if (!config.serverKey && fs.existsSync(keyFile)) fs.copyFileSync(keyFile, path.join(dest, 'server.key'));
  fs.chmodSync(target, 0o600);
  return { folder: dest, bytes: fs.statSync(target).size };
}

async function main() {
  const config = loadConfig();
  if (config.databaseUrl) {
    process.stdout.write(
      [
        'This server uses PostgreSQL. Back it up with pg_dump, for example:',
        '  pg_dump --format=custom --file=blether.dump "$DATABASE_URL"',
        'and restore with:',
        '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" blether.dump',
        'Keep BLETHER_SERVER_KEY with the dump: without it the sealed secrets cannot be opened.',
        '',
      ].join('\n'),
    );
    return;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dest = path.resolve(process.argv[2] ?? path.join('backups', `blether-${stamp}`));
  const { folder, bytes } = await backupSqlite(config, dest);
  process.stdout.write(
    `Backed up ${(bytes / 1024).toFixed(0)} KB to ${folder}\n` +
      'It holds the database and the server key: keep it as safe as the server itself.\n' +
      'To restore: stop the server, copy blether.sqlite and server.key from that folder into DATA_DIR, start again.\n',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
