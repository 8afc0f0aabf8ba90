/**
 * A checksum of every table — its row count and a hash of its rows, whatever their order — so a test can
 * tell that a request changed nothing. PostgreSQL hashes on the server in one query; SQLite is read here
 * through a second, read-only connection (synchronous, so thousands of checksums stay quick). Tables are
 * read again only when the database's own write counter moved.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { TestServer } from './app';

export type Checksum = Record<string, string>;

export interface Checksummer {
  take(): Promise<Checksum>;
  close(): void;
}

/** Checksums every table of the app but the ones named (counters that change on refused requests by design). */
export async function checksummer(s: TestServer, except: string[] = []): Promise<Checksummer> {
  const meta = await s.database.db.introspection.getTables();
  const tables = meta
    .map((t) => t.name)
    .filter((n) => !except.includes(n) && !n.startsWith('kysely_'))
    .sort();
  const { full, written, close } = s.database.dialect === 'postgres' ? postgres(s, tables) : sqlite(s, tables);
  // the database's own write counter says whether anything at all was written since the last checksum;
  // when nothing was, that checksum still holds and the tables need not be read again
  let last: { mark: string; sum: Checksum } | null = null;
  return {
    async take() {
      const mark = await written();
      if (last?.mark !== mark) last = { mark, sum: await full() };
      return last.sum;
    },
    close,
  };
}

function postgres(s: TestServer, tables: string[]) {
  // a sum of 64-bit row hashes does not depend on row order, so no table needs sorting
  const parts = tables.map(
    (t) => sql`select ${t} as t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)::numeric), 0) as h from ${sql.table(t)} x`,
  );
  const query = sql<{ t: string; h: string }>`${sql.join(parts, sql` union all `)}`;
  // every committed write moves the write-ahead log on (other databases in the cluster may move it too)
  const lsn = sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`;
  return {
    full: async () => Object.fromEntries((await query.execute(s.database.db)).rows.map((r) => [r.t, r.h])),
    written: async () => ((await lsn.execute(s.database.db)).rows[0] as { lsn: string }).lsn,
    close() {},
  };
}

function sqlite(s: TestServer, tables: string[]) {
  const reader = new SQLite(path.join(s.dataDir, 'blether.sqlite'), { readonly: true });
  const selects = tables.map((t) => [t, reader.prepare(`select * from "${t}"`).raw()] as const);
  return {
    async full() {
      const out: Checksum = {};
      for (const [t, select] of selects) {
        const rows = (select.all() as unknown[][]).map(rowHash).sort();
        out[t] = `${rows.length}:${createHash('md5').update(rows.join('')).digest('hex')}`;
      }
      return out;
    },
    // changes whenever another connection (the app's) commits a write
    written: async () => String(reader.pragma('data_version', { simple: true })),
    close: () => reader.close(),
  };
}

/** One row's hash; bytes are hashed as they are. */
function rowHash(row: unknown[]): string {
  const h = createHash('md5');
  for (const v of row) {
    h.update(`\u0000${v === null ? 'null' : typeof v}:`);
    h.update(v instanceof Uint8Array ? v : String(v));
  }
  return h.digest('hex');
}

/** The tables whose checksum differs (empty when nothing changed). */
export function changedTables(before: Checksum, after: Checksum): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
