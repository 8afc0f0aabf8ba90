/**
 * A transaction whose commit does not wait for the disk, for writes nothing is acknowledged on: an
 * attachment's upload (the device keeps its copy until the bundle that names it is acknowledged) and the
 * opener's work (a lost slice leaves its inbox rows pending, to be opened again).
 *
 * Why it is safe: both databases make their log durable in order. SQLite in WAL mode appends every commit to
 * the WAL; a later commit at `synchronous = FULL` syncs the file, and so everything before it. PostgreSQL's
 * WAL is flushed up to a synchronous commit's record, which follows every earlier commit's. So a bundle is
 * acknowledged only after a commit that also makes durable the uploads it names. A power cut can lose a
 * relaxed commit made after the last acknowledged one, never one an acknowledgement rests on.
 *
 * Why it matters: better-sqlite3 is synchronous, so a commit that waits for the disk stops the event loop
 * meanwhile (each 300 KB receipt's upload, and each slice the opener writes, held every request up).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { isSqlite } from './dialect';
import type { DB } from './schema';

export async function relaxedTransaction<T>(db: Kysely<DB>, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  // inside a caller's transaction: its commit decides (asking for the connection again would wait for ever)
  if (db.isTransaction) return fn(db as Transaction<DB>);
  if (!isSqlite(db)) {
    // PostgreSQL: for this transaction only, reverts at its end
    return db.transaction().execute(async (tx) => {
      await sql`set local synchronous_commit = off`.execute(tx);
      return fn(tx);
    });
  }
  // SQLite: the setting belongs to the connection, so it is changed and put back while this holds it (the
  // dialect's one connection: no other query runs in between, so nothing else commits relaxed)
  return db.connection().execute(async (conn) => {
    const before = await sql<{ synchronous: number }>`pragma synchronous`.execute(conn);
    const level = Number(before.rows[0]?.synchronous ?? 2);
    await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      return await conn.transaction().execute(fn);
    } finally {
      await sql.raw(`pragma synchronous = ${level}`).execute(conn);
    }
  });
}
