/**
 * Hostile and malformed input on every API route (from the app's own route table): fast-check generates
 * requests — bad JSON, wrong types, missing and extra fields, huge strings and arrays, oversized bodies,
 * wrong content types, invalid ids, path tricks, forged and replayed tokens. Each must get a clear 4xx
 * (or a normal answer where the request happens to be valid), never a 5xx, and a refused request must
 * leave the database exactly as it was.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** tables whose rows count requests, not data: they change on refused requests by design */
const COUNTERS = new Set(['rate_limits']);

let s: TestServer;
let tables: string[] = [];
beforeAll(async () => {
  s = await startTestApp();
  const meta = await s.database.db.introspection.getTables();
  tables = meta.map((t) => t.name).filter((n) => !COUNTERS.has(n) && !n.startsWith('kysely_'));
});
afterAll(async () => {
  await s.close();
});

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(s.database.db);
    const lines = rows.rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
    parts.push(`${t}:${lines.join('\n')}`);
  }
  return parts.join('\n--\n');
}

const hugeString = fc.constantFrom('x'.repeat(70_000), '\u202e'.repeat(5_000), '🙂'.repeat(20_000));
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%00', '__proto__', 'constructor', '<script>alert(1)</script>', "' OR 1=1 --"),
  hugeString,
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    weirdString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(weirdString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

function bodyArb(validItem: () => unknown) {
  return fc.oneof(
    jsonish.map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
    fc.string().map((v) => ({ payload: v, type: 'application/json' })),
    fc
      .constantFrom('{', '{"items":', '[1,2', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', 'null', '""')
      .map((v) => ({ payload: v, type: 'application/json' })),
    jsonish.map((v) => ({ payload: JSON.stringify(v), type: 'text/plain' })),
    fc
      .constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'image/png')
      .map((type) => ({ payload: 'a=1&b=2', type })),
    fc.constant({ payload: JSON.stringify({ items: Array(300).fill({ id: 'x' }) }), type: 'application/json' }),
    fc.constant({ payload: JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }), type: 'application/json' }),
    // near-valid sync items with one thing wrong
    fc.record({ field: fc.constantFrom('id', 'engagementVersionId', 'envelope', 'extra'), value: jsonish }).map(({ field, value }) => {
      const item = { ...(validItem() as Record<string, unknown>), [field]: value };
      return { payload: JSON.stringify({ items: [item] }), type: 'application/json' };
    }),
  );
}

describe('hostile and malformed input on every endpoint', () => {
  it(`answers ${RUNS} generated requests with 4xx (never 5xx) and no partial write`, async () => {
    const routes = s.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const valid = await sealedItem(s.engagement);
    // a token that was valid once, for a device since revoked
    const revoked = `${s.token.slice(0, -2)}xx`;
    const tokens = fc.constantFrom(
      undefined,
      '',
      'Bearer ',
      `Bearer ${'A'.repeat(43)}`,
      `Bearer ${revoked}`,
      'Basic dXNlcjpwYXNz',
      `Bearer ${s.token}`,
      `Bearer ${s.token} extra`,
      `Bearer ${'x'.repeat(5000)}`,
    );
    const pathTrick = fc.oneof(
      { weight: 5, arbitrary: fc.constant('') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '/..',
          '/../../etc/passwd',
          '%2e%2e%2f',
          '?x=%00',
          '/%ff',
          '//',
          `/${'a'.repeat(3000)}`,
          '?__proto__[x]=1',
        ),
      },
    );
    const request = fc.record({
      route: fc.constantFrom(...routes),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      useRouteMethod: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      trick: pathTrick,
      token: tokens,
      body: bodyArb(() => valid),
    });

    let current = await snapshot();
    const statuses = new Map<number, number>();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const method = (r.useRouteMethod ? r.route.method : r.method) as 'GET';
        const url = r.route.url.replace(/:(\w+)/g, () => 'x%2F..') + r.trick;
        const res = await s.app.inject({
          method,
          url,
          headers: { ...(r.token === undefined ? {} : { authorization: r.token }), 'content-type': r.body.type },
          ...(method === 'GET' || method === 'HEAD' ? {} : { payload: r.body.payload }),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${method} ${url.slice(0, 80)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const after = await snapshot();
        if (res.statusCode >= 400) {
          const body = res.json();
          expect(typeof body.message).toBe('string');
          expect(body.message.length).toBeGreaterThan(0);
          // a refused request wrote nothing, not even part of something
          expect(after === current, `${method} ${url.slice(0, 80)} changed the database`).toBe(true);
          refused++;
        }
        current = after;
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
    console.log(`fuzz: ${RUNS} requests over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 600_000);
});
