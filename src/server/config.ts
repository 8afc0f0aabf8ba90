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
  /** the organisation's time zone, for dates on the results pages (never the server's own zone) */
  orgTimeZone: string;
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
    orgTimeZone: env.ORG_TIME_ZONE || 'Europe/London',
  };
}
