/**
 * The authorisation matrix: every route in the Fastify route table, against no credentials, a device
 * token, a revoked device token and a staff session of each role. A route that declares no access fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app';
import type { Access } from '../../src/server/auth/roles';
import { ROLES } from '../../src/server/auth/roles';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import { revokeDevice } from '../../src/server/services/devices-admin';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

/** Routes from the foundation that predate config.access; anything new must declare it. */
const LEGACY: Record<string, Access> = {
  '/api/health': { kind: 'public' },
  '/api/docs': { kind: 'public' },
  '/api/devices/enrol': { kind: 'public' },
  '/api/device/engagements': { kind: 'device' },
};
/** Reviewed: the only routes anyone may call. A new public route must be added here on purpose. */
const PUBLIC = [
  '/api/devices/enrol',
  '/api/docs',
  '/api/docs/json',
  '/api/docs/static/*',
  '/api/docs/static/index.html',
  '/api/docs/static/swagger-initializer.js',
  '/api/docs/yaml',
  '/api/feedback/:slug',
  '/api/health',
  '/api/lookup',
  '/api/staff/login',
  '/api/staff/setup',
  '/media/:sha256',
  '/pictograms/openmoji/:file',
];

function accessOf(r: RouteEntry): Access | undefined {
  // the API description and its reader (@fastify/swagger-ui's own routes, which take no access option)
  const docs = r.url === '/api/docs' || r.url.startsWith('/api/docs/');
  return r.access ?? LEGACY[r.url] ?? (r.url === '/*' || docs ? { kind: 'public' } : undefined);
}

const concrete = (url: string) =>
  url
    .replace(/:sha256/g, '0'.repeat(64))
    .replace(/:[a-zA-Z]+/g, crypto.randomUUID())
    .replace('*', 'anything');

let s: TestServer;
let revokedToken: string;
let routes: { method: string; url: string; access: Access | undefined }[];
beforeAll(async () => {
  s = await startTestApp();
  const { code } = await createEnrolmentCode(s.database.db, null);
  const revoked = await enrolDevice(s.database.db, { code, name: 'Lost tablet' });
  await revokeDevice(s.database.db, revoked.deviceId);
  revokedToken = revoked.token;
  routes = s.app.routeTable.filter((r) => r.method !== 'HEAD').map((r) => ({ method: r.method, url: r.url, access: accessOf(r) }));
});
afterAll(async () => {
  await s.close();
});

async function call(method: string, url: string, headers: Record<string, string>) {
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
  const res = await s.app.inject({
    method: method as 'GET',
    url: concrete(url),
    headers: { origin: ORIGIN, ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(hasBody ? { payload: '{}' } : {}),
  });
  return res.statusCode;
}

describe('authorisation matrix', () => {
  it('every route declares who may call it, and only the reviewed ones are public', () => {
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'routes without config.access').toEqual([]);
    const pub = [...new Set(routes.filter((r) => r.access?.kind === 'public' && r.url !== '/*').map((r) => r.url))].sort();
    expect(pub).toEqual(PUBLIC);
  });

  it('staff endpoints: only signed-in staff with a permitted role and this Origin; never a device token', async () => {
    const staff = routes.filter((r) => r.access?.kind === 'staff');
    expect(staff.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const r of staff) {
      const roles = (r.access as Extract<Access, { kind: 'staff' }>).roles;
      const expectRefused = async (who: string, headers: Record<string, string>, codes: number[]) => {
        const code = await call(r.method, r.url, headers);
        if (!codes.includes(code)) failures.push(`${r.method} ${r.url} as ${who}: ${code}`);
      };
      await expectRefused('nobody', {}, [401]);
      await expectRefused('device', { authorization: `Bearer ${s.token}` }, [401]);
      if (roles !== 'any') await expectRefused('no role', { cookie: (await staffCookie(s, [])).cookie }, [403]);
      if (r.method !== 'GET') {
        const permitted = (await staffCookie(s, roles === 'any' ? ['analyst'] : [...roles])).cookie;
        await expectRefused('permitted, other Origin', { cookie: permitted, origin: 'https://evil.example' }, [403]);
      }
      for (const role of ROLES) {
        const cookie = (await staffCookie(s, [role])).cookie;
        const allowed = roles === 'any' || roles.includes(role);
        const code = await call(r.method, r.url, { cookie });
        if (allowed ? code === 401 || code === 403 : code !== 403) failures.push(`${r.method} ${r.url} as ${role}: ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('device endpoints: only a live device token; never staff cookies or a revoked token', async () => {
    const device = routes.filter((r) => r.access?.kind === 'device');
    expect(device.map((r) => r.url)).toContain('/api/sync/batches');
    const everyRole = (await staffCookie(s, [...ROLES])).cookie;
    const failures: string[] = [];
    for (const r of device) {
      for (const [who, headers] of [
        ['nobody', {}],
        ['staff (every role)', { cookie: everyRole }],
        ['revoked token', { authorization: `Bearer ${revokedToken}` }],
        ['staff cookie and revoked token', { cookie: everyRole, authorization: `Bearer ${revokedToken}` }],
      ] as const) {
        const code = await call(r.method, r.url, headers);
        if (code !== 401) failures.push(`${r.method} ${r.url} as ${who}: ${code}`);
      }
      const ok = await call(r.method, r.url, { authorization: `Bearer ${s.token}` });
      if (ok === 401 || ok === 403) failures.push(`${r.method} ${r.url} as a live device: ${ok}`);
    }
    expect(failures).toEqual([]);
  });
});
