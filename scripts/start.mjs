// `npm start`. In development: builds the app when the build is missing or older than its sources, then runs
// the server from source. In production (NODE_ENV=production): never builds; runs the compiled server.
import fs from 'node:fs';
import { compiled, runServer } from './run-server.mjs';

if (!compiled) {
  const { buildIfStale } = await import('./build-if-stale.mjs');
  buildIfStale(['app']);
} else if (!fs.existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run build` before starting in production.');
  process.exit(1);
}
runServer('main');
