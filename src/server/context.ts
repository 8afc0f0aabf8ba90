import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/index';
import type { ServerKey } from './keys';
import type { VersionKeys } from './services/engagements';

/** What every route module is given. */
export interface AppContext {
  app: FastifyInstance;
  config: Config;
  database: Database;
  serverKey: ServerKey;
  versionKeys: VersionKeys;
}
