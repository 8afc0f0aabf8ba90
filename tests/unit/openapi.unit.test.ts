import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../support/app';

let s: TestServer;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is untyped JSON
let doc: { paths: Record<string, Record<string, any>> };
beforeAll(async () => {
  s = await startTestApp();
  doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
});
afterAll(async () => {
  await s.close();
});

/** Reviewed: the state-changing operations that take no body (the path says everything). */
const NO_BODY = [
  'POST /api/finance/claims/{id}/second-approval',
  'POST /api/staff/logout',
  'POST /api/staff/logout-everywhere',
  'POST /api/staff/devices/codes',
  'POST /api/staff/devices/{id}/revoke',
  'POST /api/staff/engagements/{id}/publish',
  'DELETE /api/staff/insight/{id}/themes/{themeId}',
  'POST /api/staff/feedback/{id}/publish',
];

const operations = () =>
  Object.entries(doc.paths).flatMap(([url, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${url}`, op })),
  );

describe('the OpenAPI description at /api/docs/json', () => {
  it('describes every API route, with body schemas generated from the validation schemas', () => {
    expect(doc.paths).toHaveProperty(['/api/health']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/sync/batches', '/api/devices/enrol', '/api/device/engagements']),
    );
    const body = doc.paths['/api/sync/batches'].post.requestBody.content['application/json'].schema;
    expect(body.required).toContain('items');
    expect(body.properties.items.maxItems).toBe(1000);
    expect(body.additionalProperties).toBe(false);
    const enrol = doc.paths['/api/devices/enrol'].post.requestBody.content['application/json'].schema;
    expect(enrol.required).toEqual(expect.arrayContaining(['code', 'name']));
    expect(s.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).length).toBeGreaterThan(60);
  });

  it('gives every operation a success reply and its client errors, as { error, message }', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(60);
    const missing = ops.filter(({ op }) => {
      const codes = Object.keys(op.responses ?? {});
      return !codes.some((c) => c.startsWith('2')) || !codes.some((c) => c.startsWith('4'));
    });
    expect(missing.map((o) => o.key)).toEqual([]);
    for (const { op } of ops) {
      for (const [code, reply] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)) {
        if (code.startsWith('4')) expect(reply.content?.['application/json']?.schema).toMatchObject({ required: ['error', 'message'] });
      }
    }
    const sync = doc.paths['/api/sync/batches'].post.responses['200'].content['application/json'].schema;
    expect(sync.properties.results.items.properties.status.enum).toContain('stored');
  });

  it('documents the body of every state-changing operation that takes one', () => {
    const bodyless = operations()
      .filter(({ key, op }) => /^(POST|PUT|PATCH|DELETE) /.test(key) && !op.requestBody)
      .map((o) => o.key);
    expect(bodyless.sort()).toEqual([...NO_BODY].sort());
    const chunk = doc.paths['/api/sync/attachments/{sha256}'].put.requestBody.content;
    expect(chunk['application/octet-stream'].schema).toMatchObject({ format: 'binary' });
  });

  it('still answers bad bodies with the valibot message, not a schema error', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: '', name: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_body', message: 'code: Enter the enrolment code' });
  });
});

describe('the page at /api/docs', () => {
  it('is HTML whose scripts and styles all come from this server, under the same strict CSP as the app', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(page.body).not.toMatch(/<script>|<style|\sstyle=|\son\w+=/i);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.filter((a) => /\.(js|css)$/.test(a)).length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset, 'same origin').toMatch(/^\/api\/docs\//);
      const res = await s.app.inject({ method: 'GET', url: asset });
      expect(res.statusCode, asset).toBe(200);
    }
  });
});
