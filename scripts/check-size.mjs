// Size budget: the participant start page's first-load JavaScript must stay within 50 KB gzip.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 50 * 1024;
const AIM = 40 * 1024;
const html = fs.readFileSync('dist/index.html', 'utf8');
// what the browser fetches before first render: the entry script and every modulepreload
const files = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const size = zlib.gzipSync(fs.readFileSync(path.join('dist', f)), { level: 9 }).length;
  total += size;
  console.log(`  ${f}  ${(size / 1024).toFixed(1)} KB gzip`);
}
const verdict = total <= BUDGET ? (total <= AIM ? 'within budget and aim' : 'within budget, above the 40 KB aim') : 'OVER BUDGET';
console.log(`First-load JS: ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET / 1024} KB (${verdict})`);
if (files.length === 0) {
  console.error('No entry script found in dist/index.html');
  process.exit(1);
}
if (total > BUDGET) process.exit(1);
