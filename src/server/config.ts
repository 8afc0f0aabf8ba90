import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL; empty means SQLite in dataDir */
  databaseUrl: string | undefined;
  logLevel: string;
  /** base64 of 32 bytes; when absent the key is generated into dataDir on first start */
  serverKey: string | undefined;
  /** the built app; the server serves it when it exists */
  distDir: string;
  /** origin the staff web is served from, for Origin checks; default: derived from the request's Host */
  publicOrigin: string | undefined;
  /** the organisation's name, as a revoked device tells its facilitator; unset: the server's host name */
  orgName: string | undefined;
  /** the organisation's time zone, for dates on the results pages (never the server's own zone) */
  orgTimeZone: string;
  /** the organisation's own account, which Bacs Standard 18 payment files pay from; unset: CSV only */
  bacsOriginator: { sortCode: string; accountNumber: string; name: string } | undefined;
  /** which proxies in front may name the client (X-Forwarded-For): Fastify's `trustProxy`; false trusts none */
  trustProxy: boolean | number | string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    serverKey: env.BLETHER_SERVER_KEY || undefined,
    distDir: path.resolve(env.DIST_DIR ?? './dist'),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    orgName: env.ORG_NAME?.trim() || undefined,
    orgTimeZone: env.ORG_TIME_ZONE || 'Europe/London',
    bacsOriginator: bacsOriginator(env),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}

function bacsOriginator(env: NodeJS.ProcessEnv): Config['bacsOriginator'] {
  const { BACS_SORT_CODE: sortCode, BACS_ACCOUNT_NUMBER: accountNumber, BACS_ORIGINATOR_NAME: name } = env;
  if (!sortCode && !accountNumber) return undefined;
  if (!/^\d{6}$/.test(sortCode ?? '') || !/^\d{8}$/.test(accountNumber ?? ''))
    throw new Error('BACS_SORT_CODE must be 6 digits and BACS_ACCOUNT_NUMBER 8 digits');
  return { sortCode: sortCode as string, accountNumber: accountNumber as string, name: name || 'BLETHER' };
}

/** `true`, a hop count, or a comma-separated list of proxy addresses and CIDR ranges; empty or `false`: none. */
function trustProxy(value: string | undefined): Config['trustProxy'] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(s) && !['loopback', 'linklocal', 'uniquelocal'].includes(s));
  if (bad) throw new Error(`TRUST_PROXY must be true, a hop count, or addresses and CIDR ranges separated by commas; not "${bad}"`);
  return list;
}
