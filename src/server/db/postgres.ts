import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export async function createPostgres(url: string): Promise<Kysely<DB>> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
