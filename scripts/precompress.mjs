// Brotli and gzip copies of every text asset in the built app, made once at build time, so the server sends
// them as they are (@fastify/static `preCompressed`) and no proxy has to compress on the fly.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// images, audio and fonts here are compressed already; a copy would only be larger
const TEXT = /\.(html|js|mjs|css|json|svg|webmanifest|txt|md|xml|map)$/;

async function* files(dir) {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (TEXT.test(e.name)) yield p;
  }
}

async function copies(file) {
  const raw = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
    gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // a tiny file can grow when compressed: then the server sends it as it is
  for (const [ext, bytes] of [
    ['.br', br],
    ['.gz', gz],
  ]) {
    if (bytes.length < raw.length) await fs.writeFile(file + ext, bytes);
    else await fs.rm(file + ext, { force: true });
  }
  return { raw: raw.length, br: Math.min(br.length, raw.length), gz: Math.min(gz.length, raw.length) };
}

/** Writes `<file>.br` and `<file>.gz` beside every text file under `dir`; returns the totals in bytes. */
export async function precompress(dir) {
  const jobs = [];
  for await (const f of files(dir)) jobs.push(copies(f));
  const sizes = await Promise.all(jobs);
  return sizes.reduce((t, s) => ({ files: t.files + 1, raw: t.raw + s.raw, br: t.br + s.br, gz: t.gz + s.gz }), {
    files: 0,
    raw: 0,
    br: 0,
    gz: 0,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await precompress(process.argv[2] ?? 'dist'));
