import type { Migration } from 'kysely';
import * as m001 from './001_initial';
import * as m010 from './010_sync_inbox';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '010_sync_inbox': m010,
};
