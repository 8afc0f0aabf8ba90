/** Requests the fuzz suite found answered with a 500; each is now a clear 400 that changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestServer } from '../support/app';
import { type Checksummer, checksummer } from '../support/db-checksum';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let db: Checksummer;
beforeAll(async () => {
  s = await startTestApp();
  db = await checksummer(s, ['rate_limits']);
});
afterAll(async () => {
  db.close();
  await s.close();
});

describe('inputs the fuzz suite found', () => {
  it('an account change with nothing to change, or a JSON array for a body, is a 400 and changes nothing', async () => {
    const admin = await staffCookie(s, ['admin']);
    const other = await staffCookie(s, ['analyst']);
    const before = await db.take();
    for (const payload of ['{}', '[]']) {
      const res = await s.app.inject({
        method: 'PATCH',
        url: `/api/staff/users/${other.id}`,
        headers: { cookie: admin.cookie, origin: ORIGIN, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toBe('invalid_body');
    }
    expect(await db.take()).toEqual(before);
  });
});
