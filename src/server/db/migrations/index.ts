import type { Migration } from 'kysely';
import * as m001 from './001_initial';
import * as m010 from './010_sync_inbox';
import * as m030 from './030_staff';
import * as m031 from './031_device_engagements';
import * as m040 from './040_claims';
import * as m050 from './050_insight';
import * as m060 from './060_rate_limits';
import * as m061 from './061_job_leases';
import * as m062 from './062_sessions';
import * as m070 from './070_payment_runs';
import * as m080 from './080_attachment_bytes';
import * as m081 from './081_envelope_once';
import * as m090 from './090_inbox_order';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '010_sync_inbox': m010,
  '030_staff': m030,
  '031_device_engagements': m031,
  '040_claims': m040,
  '050_insight': m050,
  '060_rate_limits': m060,
  '061_job_leases': m061,
  '062_sessions': m062,
  '070_payment_runs': m070,
  '080_attachment_bytes': m080,
  '081_envelope_once': m081,
  '090_inbox_order': m090,
};
