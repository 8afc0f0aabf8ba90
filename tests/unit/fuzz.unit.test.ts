/**
 * Hostile and malformed input on every route of the app's own route table, as every staff role (signed in
 * through the real setup and login routes), as an enrolled device, with forged credentials and as nobody.
 * fast-check makes the requests: bodies from each route's JSON Schema broken in one place, bad JSON, wrong
 * types, huge and odd strings, prototype keys, huge and negative numbers; params that are real ids or
 * garbage. Every answer must be below 500, a refusal must be a 4xx with a JSON problem body, and a refused
 * request must leave every table as it was. The seed is new each run and printed; FUZZ_SEED replays it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '../../src/server/auth/roles';
import { Opener } from '../../src/server/services/opener';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { type Checksum, type Checksummer, changedTables, checksummer } from '../support/db-checksum';
import { bodyArb, paramArb, queryArb } from '../support/fuzz-arbs';
import { type Actor, buildFuzzWorld, type FuzzWorld } from '../support/fuzz-world';
import { ORIGIN } from '../support/staff';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** refusals the route table predicts (no credentials for the route) are checked this many at a time */
const BATCH = 25;
/** the rate limiter counts refused requests too: that is its job */
const COUNTERS = ['rate_limits'];
const SAFE = ['GET', 'HEAD', 'OPTIONS'];

let s: TestServer;
let world: FuzzWorld;
let db: Checksummer;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is untyped JSON
let doc: { paths: Record<string, Record<string, any>> };
beforeAll(async () => {
  console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  // bundles are opened by the test after each accepted request, not in the background, so a background
  // write never lands while a refused request is being checked
  vi.spyOn(Opener.prototype, 'run').mockImplementation(() => {});
  s = await startTestApp();
  world = await buildFuzzWorld(s);
  db = await checksummer(s, COUNTERS);
  doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  db?.close();
  await s?.close();
});

const bodySchema = (method: string, url: string) =>
  doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;

function idsFor(url: string, name: string): string[] {
  const { ids } = world;
  if (name === 'idx') return ['0', '1'];
  const byName: Record<string, string[]> = { sessionId: ids.session, themeId: ids.theme, bundleId: ids.bundle, questionId: ids.question };
  if (byName[name]) return byName[name];
  if (name === 'sha256') return ids.sha256;
  if (name === 'slug') return ids.slug;
  const byPath = [
    ['/claims/', ids.claim],
    ['/payment-runs/', ids.run],
    ['/users/', ids.user],
    ['/devices/', ids.device],
  ] as const;
  return byPath.find(([p]) => url.includes(p))?.[1] ?? ids.engagement;
}

/** Whether the route table alone says this caller is refused (then the request joins a batch check). */
function refusedByAccess(access: Access | undefined, method: string, actor: Actor, originOk: boolean): boolean {
  if (access?.kind === 'device') return actor.kind !== 'device';
  if (access?.kind !== 'staff') return false;
  if (actor.kind !== 'staff') return true;
  if (access.roles !== 'any' && !actor.roles.some((r) => access.roles.includes(r))) return true;
  return !SAFE.includes(method) && !originOk;
}

describe('hostile and malformed input on every route', () => {
  it(`answers ${RUNS} generated requests per database with a clear 4xx (never 5xx) and no partial write`, async () => {
    const routes = s.app.routeTable;
    expect(routes.length).toBeGreaterThan(60);
    const anyReal = Object.values(world.ids).flat();
    const real = [...anyReal, ...world.strings];
    const forged: Actor[] = [
      `Bearer ${s.token}`,
      `Bearer ${'A'.repeat(43)}`,
      'Bearer ',
      `Bearer ${'x'.repeat(5000)}`,
      'Basic dXNlcjpwYXNz',
    ].map((authorization) => ({ name: 'forged', kind: 'anonymous', roles: [], headers: { authorization } }));
    forged.push(
      ...['blether_session=AAAA', `blether_session=${'x'.repeat(5000)}`, 'blether_session', ';;=;'].map(
        (cookie): Actor => ({ name: 'forged', kind: 'anonymous', roles: [], headers: { cookie } }),
      ),
    );
    const perRoute = routes.map((r) => {
      const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const params = fc.tuple(...names.map((n) => paramArb(idsFor(r.url, n), anyReal)));
      return fc.record({
        route: fc.constant(r),
        params: names.length ? params : fc.constant([] as string[]),
        query: queryArb(real),
        body: bodyArb(bodySchema(r.method, r.url), real),
      });
    });
    const request = fc.record({
      target: fc.oneof(...perRoute),
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
      ),
      who: fc.oneof(
        { weight: 5, arbitrary: fc.constant('permitted') },
        { weight: 5, arbitrary: fc.constant('anyone') },
        { weight: 1, arbitrary: fc.constant('forged') },
      ),
      pick: fc.nat(),
      origin: fc.oneof(
        { weight: 12, arbitrary: fc.constant(ORIGIN) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, 'https://evil.example', 'null', `${ORIGIN}/`) },
      ),
      extra: fc.oneof(
        { weight: 12, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            { host: 'evil.example' },
            { accept: 'text/html' },
            { 'content-length': '3' },
            { 'x-forwarded-for': '10.0.0.1' },
          ),
        },
      ),
    });

    const byRole = new Map<string, Record<number, number>>();
    const sent = new Set<string>();
    const handler400 = new Map<string, number>();
    let baseline = await db.take();
    let batch: string[] = [];
    const verifyBatch = async () => {
      if (!batch.length) return;
      const changed = changedTables(baseline, await db.take());
      expect(changed, `a batch of refused requests changed ${changed.join(', ')}:\n${batch.join('\n')}`).toEqual([]);
      batch = [];
    };

    await fc.assert(
      fc.asyncProperty(request, async ({ target, method: other, who, pick, origin, extra }) => {
        const { route, params, query, body } = target;
        const method = other ?? route.method;
        const pool =
          who === 'forged'
            ? forged
            : who === 'anyone'
              ? world.actors
              : world.actors.filter((a) => !refusedByAccess(route.access, route.method, a, true));
        const actor = (pool.length ? pool : world.actors)[pick % (pool.length || world.actors.length)] as Actor;
        let i = 0;
        const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(params[i++] ?? '')).replace('*', 'x') + query;
        const originOk = origin === ORIGIN && !('host' in extra);
        const withBody = !['GET', 'HEAD'].includes(method) && body.payload !== undefined;
        const predicted =
          method === route.method && (refusedByAccess(route.access, method, actor, originOk) || (withBody && body.unparsable === true));
        const what = `${method} ${url.slice(0, 120)} as ${actor.name}`;
        if (!predicted) await verifyBatch();
        const res = await s.app.inject({
          method: method as 'GET',
          url,
          headers: {
            ...actor.headers,
            ...(origin ? { origin } : {}),
            ...(withBody && body.type ? { 'content-type': body.type } : {}),
            ...extra,
          },
          ...(withBody ? { payload: body.payload } : {}),
        });
        const counts = byRole.get(actor.name) ?? {};
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
        byRole.set(actor.name, counts);
        sent.add(`${route.method} ${route.url}`);
        expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/json/);
          const problem = method === 'HEAD' ? { error: 'head', message: 'a HEAD answer has no body' } : res.json();
          expect(typeof problem.error, what).toBe('string');
          expect(problem.message?.length, what).toBeGreaterThan(0);
          if (res.statusCode === 400 && body.parsable && problem.error !== 'bad_request') {
            const key = `${route.method} ${route.url}`;
            handler400.set(key, (handler400.get(key) ?? 0) + 1);
          }
        }
        if (predicted) {
          expect(res.statusCode, `${what} answered, though its credentials or body should be refused`).toBeGreaterThanOrEqual(400);
          batch.push(what);
          if (batch.length >= BATCH) await verifyBatch();
          return;
        }
        const after = await db.take();
        if (res.statusCode >= 400) {
          const changed = changedTables(baseline, after);
          // a failed sign-in is audited by design (who tried, when): that entry is the one change allowed
          if (route.url === '/api/staff/login' && res.statusCode === 401 && changed.join() === 'audit_events') {
            const last = await s.database.db.selectFrom('audit_events').select('action').orderBy('at', 'desc').limit(1).executeTakeFirst();
            expect(last?.action, what).toBe('staff.sign_in_failed');
            baseline = after;
            return;
          }
          expect(changed, `refused ${what} (${res.statusCode}) changed ${changed.join(', ')}`).toEqual([]);
          return;
        }
        baseline = await afterAccepted(route.url, method, actor, res.json.bind(res), res.statusCode, after);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    await verifyBatch();

    console.log(`fuzz (${s.database.dialect}): ${RUNS} requests over ${routes.length} routes, seed ${SEED}`);
    for (const [name, counts] of byRole) console.log(`  ${name.padEnd(10)} ${JSON.stringify(counts)}`);
    const staffBodies = routes.filter((r) => r.access?.kind === 'staff' && bodySchema(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    console.log('  400s from the route itself (auth passed, body well-formed), per staff route that takes a body:');
    for (const key of staffBodies) console.log(`    ${String(handler400.get(key) ?? 0).padStart(5)}  ${key}`);
    expect(routes.filter((r) => !sent.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(staffBodies.length).toBeGreaterThan(15);
    expect(staffBodies.filter((k) => !handler400.get(k))).toEqual([]);
  }, 600_000);
});

/** After an accepted request: open what it sent, sign back in whoever it signed out, and take the new state. */
async function afterAccepted(url: string, method: string, actor: Actor, json: () => unknown, status: number, after: Checksum) {
  let changed = false;
  if ((await s.database.db.selectFrom('inbox').select('id').where('state', '=', 'pending').limit(1).execute()).length) {
    await openAcknowledged(s);
    changed = true;
  }
  if (url.includes('/logout') && actor.kind === 'staff') {
    await world.signIn(actor);
    changed = true;
  }
  if (method === 'PATCH' && url.startsWith('/api/staff/users/') && status === 200) {
    // the admin may give itself more roles; its later calls are judged with them
    const user = (json() as { user: { email: string; roles: Actor['roles'] } }).user;
    for (const a of world.actors) if (a.email === user.email) a.roles = user.roles;
  }
  return changed ? db.take() : after;
}
