/**
 * A checksum of every table — its row count and a hash of its rows, whatever their order — so a test can
 * tell that a request changed nothing. PostgreSQL hashes on the server in one query; SQLite is read here
 * through a second, read-only connection (synchronous, so thousands of checksums stay quick).
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
  if (s.database.dialect === 'postgres') {
    // a sum of 64-bit row hashes does not depend on row order, so no table needs sorting
    const parts = tables.map(
      (t) => sql`select ${t} as t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)::numeric), 0) as h from ${sql.table(t)} x`,
    );
    const query = sql<{ t: string; h: string }>`${sql.join(parts, sql` union all `)}`;
    return {
      take: async () => Object.fromEntries((await query.execute(s.database.db)).rows.map((r) => [r.t, r.h])),
      close() {},
    };
  }
  const reader = new SQLite(path.join(s.dataDir, 'blether.sqlite'), { readonly: true });
  const selects = tables.map((t) => [t, reader.prepare(`select * from "${t}"`).raw()] as const);
  return {
    async take() {
      const out: Checksum = {};
      for (const [t, select] of selects) {
        const rows = (select.all() as unknown[][]).map(rowHash).sort();
        out[t] = `${rows.length}:${createHash('md5').update(rows.join('')).digest('hex')}`;
      }
      return out;
    },
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
