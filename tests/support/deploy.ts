/** A new build of the app deployed into a copy of dist/: its service worker changes, with the compressed copies a build writes. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function deployNewServiceWorker(distDir: string, version = 2): void {
  const sw = path.join(distDir, 'sw.js');
  fs.appendFileSync(sw, `\n// version ${version}\n`);
  // the server picks sw.js.br or sw.js.gz by Accept-Encoding, as it does every built file
  fs.writeFileSync(`${sw}.br`, zlib.brotliCompressSync(fs.readFileSync(sw)));
  fs.writeFileSync(`${sw}.gz`, zlib.gzipSync(fs.readFileSync(sw)));
}
