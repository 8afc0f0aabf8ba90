/**
 * The production install, as the Dockerfile's runtime stage makes it: the built tree alone (package files,
 * scripts, dist, dist-server) installed with `npm ci --omit=dev` in a temporary folder, so without tsx, vite or
 * TypeScript, started with `npm start` and NODE_ENV=production. Slow: a real install, and better-sqlite3
 * compiles from source here (a couple of minutes on a quiet 2-core machine, more when it is busy).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import type { PublishedEngagement } from '../../src/shared/engagement';
import type { SyncBatchResponse } from '../../src/shared/protocol';
import { sealedItem } from '../support/bundles';
import { freePort } from '../support/server-process';

const INSTALL_MS = 20 * 60_000;
let dir: string;
let server: ChildProcess;
let exited: Promise<unknown> = Promise.resolve();
let out = '';
let base: string;

function run(cmd: string, args: string[], env: Record<string, string> = {}, cwd = dir): string {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: INSTALL_MS });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const production = { NODE_ENV: 'production' };

beforeAll(async () => {
  buildIfStale();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-prod-'));
  // the server compiled straight into the folder, so the test always runs the current source
  const outDir = path.join(dir, 'dist-server');
  run(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.server.config.ts', '--logLevel', 'warn', '--outDir', outDir],
    {},
    '.',
  );
  for (const f of ['package.json', 'package-lock.json', 'scripts', 'dist']) fs.cpSync(f, path.join(dir, f), { recursive: true });
  // this machine reaches only the npm registry: skip better-sqlite3's prebuilt download and compile it at once
  run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { npm_config_build_from_source: 'true' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...production, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' };
  // its own process group, so stopping it reaches npm, the start script and the server alike
  server = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  exited = new Promise((r) => server.once('exit', r));
  server.stdout?.on('data', (d) => {
    out += String(d);
  });
  server.stderr?.on('data', (d) => {
    out += String(d);
  });
  const deadline = Date.now() + 120_000;
  while (!out.includes('Blether is running')) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the production server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, INSTALL_MS);

afterAll(async () => {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    // the server's own grace period is 10 s; past that, nothing of it may stay behind
    const late = setTimeout(() => process.kill(-(server.pid as number), 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(late);
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  // removing the installed tree takes a while on a busy machine
}, 120_000);

describe('npm ci --omit=dev, then npm start in production', () => {
  it('installs no development tools and runs the compiled server with plain node', () => {
    // (typescript may be there: valibot names it as an optional peer, which npm keeps; nothing runs it)
    for (const dev of ['tsx', 'vite', 'vitest', '@biomejs/biome']) expect(fs.existsSync(path.join(dir, 'node_modules', dev))).toBe(false);
    expect(out).not.toMatch(/Building the app/);
    const ps = spawnSync('ps', ['-o', 'args=', '--sid', String(server.pid)], { encoding: 'utf8' }).stdout;
    expect(ps).toMatch(/dist-server\/main\.js/);
    expect(ps).not.toMatch(/tsx/);
  });

  it('answers /api/health and serves the built app', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { dialect: 'sqlite', ok: true } });
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('enrols a device, takes one synced bundle, and opens it', async () => {
    const code = /enrol#code=([0-9A-Z-]+)/.exec(out)?.[1];
    expect(code).toBeTruthy();
    const enrol = await fetch(`${base}/api/devices/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'Production tablet' }),
    });
    expect(enrol.status).toBe(200);
    const { token } = (await enrol.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${base}/api/device/engagements`, { headers: auth })).json()) as {
      engagements: PublishedEngagement[];
    };
    const item = await sealedItem(list.engagements[0] as PublishedEngagement);
    const sent = await fetch(`${base}/api/sync/batches`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [item], queueSize: 1 }),
    });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as SyncBatchResponse).results).toEqual([{ id: item.id, status: 'stored' }]);
    // the compiled staff CLI reads the same database: the background opener has opened the bundle
    let counts = '';
    for (let i = 0; i < 30 && !/│\s*1\s*│\s*$/m.test(counts); i++)
      counts = run('npm', ['run', '--silent', 'cli', '--', 'counts'], production);
    expect(counts).toMatch(/│\s*1\s*│\s*$/m);
  }, 180_000);
});
