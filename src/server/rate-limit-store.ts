/**
 * A @fastify/rate-limit store kept in the database (fixed window), so a limit holds across every instance
 * on the same database: one atomic upsert per request, on SQLite and PostgreSQL alike. When the count fails
 * the store answers a 503 error, and the limited route refuses: an attacker must not gain by breaking it.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from './db/schema';
import { limitUnavailable } from './errors';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

export function databaseRateLimitStore(db: Kysely<DB>) {
  return class DatabaseStore {
    constructor(
      _options?: unknown,
      readonly prefix = '',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number, _max: number): void {
      const now = Date.now();
      const expired = sql<boolean>`rate_limits.window_start + ${timeWindow} <= ${now}`;
      db.insertInto('rate_limits')
        .values({ key: `${this.prefix}|${key}`, count: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_start: sql`case when ${expired} then ${now} else rate_limits.window_start end`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow()
        .then((row) => cb(null, { current: Number(row.count), ttl: Math.max(0, Number(row.window_start) + timeWindow - now) }))
        .catch((err: unknown) => cb(limitUnavailable(err)));
    }

    // @fastify/rate-limit passes the route as `routeInfo`: one counter per route and client, not one for all
    // (its type says route options; at run time they are the merged limit options with `routeInfo`)
    child(options: object) {
      const route = (options as { routeInfo?: { url?: string; path?: string; method?: string | string[] } }).routeInfo ?? {};
      return new DatabaseStore(undefined, `${String(route.method ?? '')} ${route.url ?? route.path ?? ''}`);
    }
  };
}
