/** The real server (compiled, as in production) as a child process, on a free port and its own SQLite folder, for end-to-end tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** the enrolment code printed on start (while no device is enrolled) */
  enrolCode: string | null;
  logs: () => string;
  stop(): Promise<void>;
  kill(): Promise<void>;
  /** a read-only look at the server's database */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServer(
  /** `nodeArgs`: more options for node (a benchmark's `--cpu-prof`) */
  opts: { dataDir?: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'blether-e2e-'));
  const port = opts.port ?? (await freePort());
  let out = '';
  // the compiled server, as production runs it (globalSetup builds it when stale): it also starts in half the
  // time the TypeScript source takes through tsx, and end-to-end tests start many servers
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', ...(opts.nodeArgs ?? []), 'dist-server/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // generous: two browsers and two servers share a 2-core machine
  const deadline = Date.now() + 90_000;
  while (!out.includes('Blether is running')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const code = /enrol#code=([0-9A-Z-]+)/.exec(out)?.[1] ?? null;
  const databaseUrl = opts.env?.DATABASE_URL;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    enrolCode: code,
    logs: () => out,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    query<T>(sql: string, ...params: unknown[]): T[] {
      if (databaseUrl) throw new Error('query() reads SQLite; use pgQuery() for a PostgreSQL server');
      const db = new Database(path.join(dataDir, 'blether.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
  };
}

/** Reads a PostgreSQL database the way query() reads SQLite. */
export async function pgQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
