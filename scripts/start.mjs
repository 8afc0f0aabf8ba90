// `npm start`: builds the app when the build is missing or older than its sources, then starts the server.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// What the browser build is made of (the server runs from source, so src/server is not among them).
const SOURCES = [
  ...fs.readdirSync('src').filter((d) => d !== 'server').map((d) => path.join('src', d)),
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

const built = fs.statSync('dist/index.html', { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...SOURCES.map(newest));
if (built < sources) {
  console.log(built ? 'The app changed since it was built: building it again…' : 'Building the app (first start only)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
