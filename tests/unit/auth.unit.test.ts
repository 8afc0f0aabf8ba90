import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSetupToken } from '../../src/server/auth/users';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
beforeEach(async () => {
  s = await startTestApp();
});
afterEach(async () => {
  await s.close();
});

const json = { 'content-type': 'application/json', origin: ORIGIN };
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'blether_session');
  return c ? `blether_session=${c.value}` : '';
};

async function setupAdmin(token: string) {
  return s.app.inject({
    method: 'POST',
    url: '/api/staff/setup',
    headers: json,
    payload: { token, email: 'Admin@Example.org', name: 'Ada Admin', password: 'correct horse battery' },
  });
}

describe('staff accounts', () => {
  it('the first admin comes from the one-time setup link only, with no default password', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/staff/setup' })).json()).toEqual({ needed: true });
    const bad = await setupAdmin('not-the-token');
    expect(bad.statusCode).toBe(400);
    const token = await createSetupToken(s.database.db);
    const res = await setupAdmin(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toEqual(['admin']);
    const cookie = res.cookies.find((c) => c.name === 'blether_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const hash = await s.database.db.selectFrom('staff_users').select('password_hash').executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    // used once: the same link and a fresh one both fail now that an account exists
    expect((await setupAdmin(token)).statusCode).toBe(400);
    expect((await setupAdmin(await createSetupToken(s.database.db))).statusCode).toBe(400);
    expect((await s.app.inject({ method: 'GET', url: '/api/staff/setup' })).json()).toEqual({ needed: false });
  });

  it('signs in, refuses a wrong password plainly, and signs out everywhere', async () => {
    await setupAdmin(await createSetupToken(s.database.db));
    const login = (password: string) =>
      s.app.inject({ method: 'POST', url: '/api/staff/login', headers: json, payload: { email: 'admin@example.org', password } });
    const wrong = await login('wrong password here');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toContain('do not match');
    const a = cookieOf(await login('correct horse battery'));
    const b = cookieOf(await login('correct horse battery'));
    const me = (c: string) => s.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: c } });
    expect((await me(a)).statusCode).toBe(200);
    expect(
      (await s.app.inject({ method: 'POST', url: '/api/staff/logout-everywhere', headers: { ...json, cookie: a }, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
  });

  it('rate-limits sign-in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        headers: json,
        payload: { email: 'x@example.org', password: 'nope' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses a state-changing staff request from another Origin or with none', async () => {
    const admin = await staffCookie(s, ['admin']);
    const payload = { email: 'o@example.org', name: 'Olu', password: 'a long enough password', roles: ['organiser'] };
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = { 'content-type': 'application/json', cookie: admin.cookie };
      if (origin) headers.origin = origin;
      const res = await s.app.inject({ method: 'POST', url: '/api/staff/users', headers, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('bad_origin');
    }
    const ok = await s.app.inject({ method: 'POST', url: '/api/staff/users', headers: { ...json, cookie: admin.cookie }, payload });
    expect(ok.statusCode).toBe(201);
    expect(await s.database.db.selectFrom('staff_users').select('id').execute()).toHaveLength(2);
  });

  it('an admin disables an account: its sessions end at once and it cannot sign in', async () => {
    const admin = await staffCookie(s, ['admin']);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { ...json, cookie: admin.cookie },
      payload: { email: 'f@example.org', name: 'Fin', password: 'a long enough password', roles: ['finance', 'analyst'] },
    });
    const id = created.json().user.id as string;
    expect(created.json().user.roles).toEqual(['finance', 'analyst']);
    const login = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        headers: json,
        payload: { email: 'f@example.org', password: 'a long enough password' },
      });
    const fin = cookieOf(await login());
    expect((await s.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: fin } })).statusCode).toBe(200);
    const off = await s.app.inject({
      method: 'PATCH',
      url: `/api/staff/users/${id}`,
      headers: { ...json, cookie: admin.cookie },
      payload: { disabled: true },
    });
    expect(off.json().user.disabledAt).toBeTruthy();
    expect((await s.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: fin } })).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    const self = await s.app.inject({
      method: 'PATCH',
      url: `/api/staff/users/${admin.id}`,
      headers: { ...json, cookie: admin.cookie },
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(400);
  });

  it('answers bad input with a clear 4xx', async () => {
    const admin = await staffCookie(s, ['admin']);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: { ...json, cookie: admin.cookie },
      payload: { email: 'not an email', name: 'X', password: 'short', roles: ['wizard'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/email/);
  });
});
