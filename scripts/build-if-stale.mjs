// Builds the browser app when dist/ is missing or older than any of its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// What the browser build is made of (the server runs from source, so src/server is not among them).
const SOURCES = [
  ...fs
    .readdirSync('src')
    .filter((d) => d !== 'server')
    .map((d) => path.join('src', d)),
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

export function buildIfStale() {
  const built = fs.statSync('dist/index.html', { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= Math.max(...SOURCES.map(newest))) return;
  console.log(built ? 'The app changed since it was built: building it again…' : 'Building the app (first start only)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
