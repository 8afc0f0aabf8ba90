import { type Kysely, SqliteAdapter } from 'kysely';
import type { DB } from './schema';

/** Whether this database (or transaction) is the embedded SQLite one, which runs one transaction at a time. */
export const isSqlite = (db: Kysely<DB>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;
