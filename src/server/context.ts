import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/index';
import type { ServerKey } from './keys';
import type { VersionKeys } from './services/engagements';
import type { Opener } from './services/opener';

/** What every route module is given. */
export interface AppContext {
  app: FastifyInstance;
  config: Config;
  database: Database;
  serverKey: ServerKey;
  versionKeys: VersionKeys;
  /** opens acknowledged bundles in the background (sync batches and paper forms entered by staff) */
  opener: Opener;
}
