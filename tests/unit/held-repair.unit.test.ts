/**
 * A bundle the opener could not open is listed for staff with its reason, read decrypted for repair
 * (audited), and accepted after repair through the opener's own check and write (audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../src/server/services/reasons';
import type { BundlePayload } from '../../src/shared/bundle';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';
import { sendUnopenable } from '../support/unopenable';

let s: TestServer;
type Who = Awaited<ReturnType<typeof staffCookie>>;
let organiser: Who;
let admin: Who;
let finance: Who;
let bad: BundlePayload;

beforeAll(async () => {
  s = await startTestApp();
  organiser = await staffCookie(s, ['organiser']);
  admin = await staffCookie(s, ['admin']);
  finance = await staffCookie(s, ['finance']);
  bad = await sendUnopenable(s, { contact: { email: 'ann at example dot com' } });
});
afterAll(async () => {
  await s.close();
});

const call = (who: Who, method: 'GET' | 'POST', url: string, body?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: { cookie: who.cookie, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
const actions = async (who: Who) =>
  await s.database.db.selectFrom('audit_events').select(['action', 'subject', 'reason']).where('actor', '=', who.actor).execute();

describe('bundles the opener could not open', () => {
  it('are listed for admins and organisers with their reason, and for no one else', async () => {
    const res = await call(organiser, 'GET', '/api/staff/held');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().bundles).toContainEqual(expect.objectContaining({ id: bad.id, reason: REASONS.invalidContent }));
    expect(res.body).not.toContain('ann at example');
    expect((await call(admin, 'GET', '/api/staff/held')).statusCode).toBe(200);
    expect((await call(finance, 'GET', '/api/staff/held')).statusCode).toBe(403);
  });

  it('one is read decrypted, with where it breaks the shared schema, and the read is audited', async () => {
    const res = await call(organiser, 'GET', `/api/staff/held/${bad.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ readable: true, problems: ['contact.email'], payload: { id: bad.id, contact: bad.contact } });
    expect(await actions(organiser)).toContainEqual({ action: 'bundle.read_for_repair', subject: `bundle:${bad.id}`, reason: null });
  });

  it('a repair the shared schema still refuses is refused, and the bundle stays failed', async () => {
    const still = await call(admin, 'POST', `/api/staff/held/${bad.id}/repair`, { payload: bad, note: 'tried as it was' });
    expect(still.statusCode).toBe(422);
    expect(still.json().message).toContain('contact.email');
    const otherId = await call(admin, 'POST', `/api/staff/held/${bad.id}/repair`, {
      payload: { ...bad, id: crypto.randomUUID(), contact: { email: 'ann@example.com' } },
      note: 'wrong id',
    });
    expect(otherId.statusCode).toBe(422);
    expect((await call(admin, 'POST', `/api/staff/held/${bad.id}/repair`, { payload: bad, note: ' ' })).statusCode).toBe(400);
    const row = await s.database.db.selectFrom('inbox').select('state').where('id', '=', bad.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('failed');
  });

  it('a repaired bundle is accepted through the opener (bundle, contact), audited with the note, and once only', async () => {
    const repaired = { ...bad, contact: { email: 'ann@example.com' } };
    const res = await call(admin, 'POST', `/api/staff/held/${bad.id}/repair`, {
      payload: repaired,
      note: 'the address had "at" and "dot" in words',
    });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = await s.database.db.selectFrom('inbox').select(['state']).where('id', '=', bad.id).executeTakeFirstOrThrow();
    expect(inbox.state).toBe('opened');
    const bundle = await s.database.db.selectFrom('bundles').select(['reference_code']).where('id', '=', bad.id).executeTakeFirstOrThrow();
    expect(bundle.reference_code).toBe(bad.referenceCode);
    expect(await actions(admin)).toContainEqual({
      action: 'bundle.repaired',
      subject: `bundle:${bad.id}`,
      reason: 'the address had "at" and "dot" in words',
    });
    expect((await call(admin, 'POST', `/api/staff/held/${bad.id}/repair`, { payload: repaired, note: 'again' })).statusCode).toBe(404);
    expect((await call(organiser, 'GET', '/api/staff/held')).json().bundles).not.toContainEqual(expect.objectContaining({ id: bad.id }));
  });
});
