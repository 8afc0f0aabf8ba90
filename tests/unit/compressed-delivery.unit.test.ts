import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.mjs';
import { startTestApp, type TestServer } from '../support/app';

/**
 * A built app as the build leaves it: the page, a script, a stylesheet and a locale file (real sources, so
 * real sizes), with the .br and .gz copies made by the same step the build runs (scripts/precompress.mjs).
 */
const FILES: Record<string, string> = {
  '/index.html': 'index.html',
  '/assets/index-Test1234.js': 'src/shared/protocol.ts',
  '/assets/index-Test1234.css': 'src/app/styles.css',
  '/locales/en/common.json': 'locales/en/common.json',
};

let s: TestServer;
let dist: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-dist-'));
  for (const [url, source] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dist, url)), { recursive: true });
    fs.copyFileSync(source, path.join(dist, url));
  }
  await precompress(dist);
  s = await startTestApp({ DIST_DIR: dist });
});
afterAll(async () => {
  await s.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const decode: Record<string, (b: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

describe('compressed delivery', () => {
  for (const encoding of ['br', 'gzip']) {
    it(`sends the page, scripts, styles and locale files as ${encoding}, varying on Accept-Encoding`, async () => {
      for (const [url, source] of Object.entries(FILES)) {
        const res = await s.app.inject({ method: 'GET', url, headers: { 'accept-encoding': `${encoding}, identity` } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(encoding);
        expect(String(res.headers.vary), url).toMatch(/accept-encoding/i);
        // the very copy the build made, not one compressed on the fly
        expect(res.rawPayload.equals(fs.readFileSync(path.join(dist, `${url}.${encoding === 'br' ? 'br' : 'gz'}`))), url).toBe(true);
        expect(res.rawPayload.length, url).toBeLessThan(fs.statSync(source).size);
        expect(decode[encoding]?.(res.rawPayload).equals(fs.readFileSync(source)), url).toBe(true);
      }
    });
  }

  it('sends the root address as the compressed page too, to any client (not only one asking for HTML)', async () => {
    for (const [encoding, ext] of [
      ['br', 'br'],
      ['gzip', 'gz'],
    ]) {
      const res = await s.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': encoding as string, accept: '*/*' } });
      expect(res.statusCode, encoding).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.rawPayload.equals(fs.readFileSync(path.join(dist, `index.html.${ext}`)))).toBe(true);
    }
  });

  it('prefers brotli when the browser takes both, as Chromium asks', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/index.html', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('sends the page itself to a client that takes no encoding, and keeps the caching and security headers', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/index.html' });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body).toBe(fs.readFileSync('index.html', 'utf8'));
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = await s.app.inject({ method: 'GET', url: '/assets/index-Test1234.js', headers: { 'accept-encoding': 'br' } });
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('compresses a JSON reply above 1 KB, and leaves a small one as it is', async () => {
    const headers = { authorization: `Bearer ${s.token}`, 'accept-encoding': 'br' };
    const res = await s.app.inject({ method: 'GET', url: '/api/device/engagements', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    const body = zlib.brotliDecompressSync(res.rawPayload);
    expect(body.length).toBeGreaterThan(1024);
    expect(JSON.parse(body.toString()).engagements.length).toBeGreaterThan(0);
    const gz = await s.app.inject({ method: 'GET', url: '/api/device/engagements', headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await s.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toMatchObject({ status: 'ok' });
  });
});
