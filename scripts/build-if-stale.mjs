// Builds the browser app (dist/) and the compiled server (dist-server/) when either is missing or older than
// any of its sources: tests run against what production runs, and a change to either is never tested stale.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TARGETS = [
  {
    name: 'app',
    built: 'dist/index.html',
    sources: [
      ...fs
        .readdirSync('src')
        .filter((d) => d !== 'server')
        .map((d) => path.join('src', d)),
      'locales',
      'public',
      'index.html',
      'vite.config.ts',
      'package.json',
    ],
    args: [],
  },
  {
    name: 'server',
    built: 'dist-server/main.js',
    sources: ['src/server', 'src/shared', 'vite.server.config.ts', 'package.json'],
    args: ['-c', 'vite.server.config.ts'],
  },
];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

/** `names`: which builds to bring up to date (development's `npm start` needs only the app). */
export function buildIfStale(names = ['app', 'server']) {
  for (const t of TARGETS.filter((x) => names.includes(x.name))) {
    const built = fs.statSync(t.built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (built >= Math.max(...t.sources.map(newest))) continue;
    console.log(built ? `The ${t.name} changed since it was built: building it again…` : `Building the ${t.name} (first start only)…`);
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...t.args, '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
