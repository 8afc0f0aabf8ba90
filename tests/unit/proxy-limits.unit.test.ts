import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Database, openDatabase } from '../../src/server/db/index';
import { startTestApp, type TestServer } from '../support/app';
import { roundRobinProxy } from '../support/proxy';

/**
 * Two server instances on one database behind a round-robin reverse proxy that appends X-Forwarded-For,
 * with TRUST_PROXY naming that proxy. Each client reaches the proxy from its own loopback address, so the
 * servers can tell clients apart only by the forwarded address.
 */
const PASSWORD = 'correct horse battery';
const X = 'x@example.org';
const Y = 'y@example.org';

let s: TestServer;
let second: { app: FastifyInstance; database: Database };
let proxy: Awaited<ReturnType<typeof roundRobinProxy>>;

interface Answer {
  status: number;
  body: { error?: string; message?: string; user?: { email: string } };
  /** the session cookie it set, if any, as a Cookie header */
  cookie: string;
}

/** A JSON POST to the proxy from this client address, as a browser on the staff pages sends it. */
function post(client: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(url, proxy.url),
      {
        method: 'POST',
        localAddress: client,
        headers: { 'content-type': 'application/json', origin: proxy.url, 'content-length': Buffer.byteLength(data), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += String(c);
        });
        const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), cookie }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const login = (client: string, email: string, password: string, headers?: Record<string, string>) =>
  post(client, '/api/staff/login', { email, password }, headers);

beforeAll(async () => {
  s = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
  // the second instance: its own connection to the same database, its own app
  const database = await openDatabase(s.config);
  second = { app: await buildApp({ config: s.config, database, serverKey: s.serverKey }), database };
  const urls: string[] = [];
  for (const app of [s.app, second.app]) urls.push(await app.listen({ port: 0, host: '127.0.0.1' }));
  proxy = await roundRobinProxy(urls, { forward: true });

  // the first admin through the setup link, then a second account, as an admin makes one
  const admin = '127.0.0.10';
  const setup = await post(admin, '/api/staff/setup', { token: s.setupToken, email: X, name: 'Xan', password: PASSWORD });
  expect(setup.status).toBe(200);
  const { cookie } = await login(admin, X, PASSWORD);
  const made = await post(admin, '/api/staff/users', { email: Y, name: 'Yas', password: PASSWORD, roles: ['analyst'] }, { cookie });
  expect(made.status).toBe(201);
});

afterAll(async () => {
  await proxy.close();
  await second.app.close();
  await second.database.close();
  await s.close();
});

describe('sign-in limits behind a trusted proxy, two instances on one database', () => {
  it('ten failed sign-ins from client A do not stop client B, and A cannot dodge its limit by naming itself', async () => {
    const [a, b] = ['127.0.0.2', '127.0.0.3'];
    const hitsBefore = [...proxy.hits];
    for (let i = 1; i <= 10; i++) {
      // a client's own X-Forwarded-For is passed on, but only the address the trusted proxy adds is believed
      const wrong = await login(a, X, 'not the password', { 'x-forwarded-for': `203.0.113.${i}` });
      expect(wrong.status, `attempt ${i}`).toBe(401);
    }
    // both instances took a share of the ten, and counted them together
    expect(proxy.hits.map((h, i) => h - (hitsBefore[i] ?? 0))).toEqual([5, 5]);
    const eleventh = await login(a, X, PASSWORD, { 'x-forwarded-for': '203.0.113.99' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/\S/) });

    const fromB = await login(b, X, PASSWORD);
    expect(fromB.status).toBe(200);
    expect(fromB.body.user?.email).toBe(X);
    const keys = (await s.database.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key).join('\n');
    expect(keys).toContain('127.0.0.2');
    expect(keys).toContain('127.0.0.3');
    expect(keys).not.toContain('203.0.113.');
  });

  it('ten failed sign-ins for account X do not stop account Y from the same client', async () => {
    const c = '127.0.0.4';
    for (let i = 1; i <= 10; i++) expect((await login(c, X, 'not the password')).status, `attempt ${i}`).toBe(401);
    expect((await login(c, X, PASSWORD)).status).toBe(429);
    const y = await login(c, Y, PASSWORD);
    expect(y.status).toBe(200);
    expect(y.body.user?.email).toBe(Y);
  });
});
