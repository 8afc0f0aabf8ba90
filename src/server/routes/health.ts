import { sql } from 'kysely';
import type { AppContext } from '../context';

export default async function health({ app, database }: AppContext) {
  app.get('/api/health', { schema: { summary: 'Liveness and database reachability' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: { dialect: database.dialect, ok: true }, time: new Date().toISOString() };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: { dialect: database.dialect, ok: false } });
    }
  });
}
