import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../support/app';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

describe('GET /api/docs', () => {
  it('describes every API route, with body schemas generated from the validation schemas', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/sync/batches', '/api/devices/enrol', '/api/device/engagements']),
    );
    const body = doc.paths['/api/sync/batches'].post.requestBody.content['application/json'].schema;
    expect(body.required).toContain('items');
    expect(body.properties.items.maxItems).toBe(500);
    expect(body.additionalProperties).toBe(false);
    const enrol = doc.paths['/api/devices/enrol'].post.requestBody.content['application/json'].schema;
    expect(enrol.required).toEqual(expect.arrayContaining(['code', 'name']));
  });

  it('still answers bad bodies with the valibot message, not a schema error', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { code: '', name: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_body', message: 'code: Enter the enrolment code' });
  });
});
