/** "You said, we did" and the reference lookup over HTTP: publish, public page data, devices, no personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let organiser: string;
let reference: string;

beforeAll(async () => {
  s = await startTestApp();
  organiser = (await staffCookie(s, ['organiser'])).cookie;
  const item = await sealedItem(s.engagement, {
    contact: { name: 'Ada Secret', email: 'ada.secret@example.org' },
    monitoring: { gender: 'woman' },
    place: { venue: 'Leith Library', area: 'EH6' },
  } as object);
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}` },
    payload: { items: [item] },
  });
  expect(res.json().results[0].status).toBe('stored');
  await openAcknowledged(s);
  const row = await s.database.db.selectFrom('bundles').select('reference_code').executeTakeFirstOrThrow();
  reference = row.reference_code;
});
afterAll(async () => {
  await s.close();
});

const url = () => `/api/staff/feedback/${s.engagement.engagementId}`;
const content = {
  intro: { en: { standard: 'Thank you for taking part.', easy: 'Thank you.' }, ur: { standard: 'حصہ لینے کا شکریہ۔' } },
  items: [
    {
      said: { en: { standard: 'You said the library should open later.', easy: 'You said: open later.' } },
      did: { en: { standard: 'We now open until 8pm on Thursdays.', easy: 'We open late on Thursday.' } },
      picture: { src: '/pictograms/clock.svg', alt: { en: { standard: 'A clock' } } },
    },
  ],
};

describe('feedback', () => {
  it('nothing is public before publishing; an incomplete draft cannot be published', async () => {
    expect((await s.app.inject({ method: 'GET', url: `/api/feedback/${s.engagement.slug}` })).statusCode).toBe(404);
    const put = await s.app.inject({
      method: 'PUT',
      url: url(),
      headers: { cookie: organiser, origin: ORIGIN },
      payload: { content: { intro: {}, items: [] } },
    });
    expect(put.statusCode).toBe(200);
    const pub = await s.app.inject({
      method: 'POST',
      url: `${url()}/publish`,
      headers: { cookie: organiser, origin: ORIGIN },
      payload: {},
    });
    expect(pub.statusCode).toBe(409);
    expect(pub.json().message).toContain('Write the introduction in English.');
  });

  it('published feedback is public at its slug and devices download it', async () => {
    const bad = await s.app.inject({
      method: 'PUT',
      url: url(),
      headers: { cookie: organiser, origin: ORIGIN },
      payload: { content: { intro: { en: { standard: 1 } }, items: [] } },
    });
    expect(bad.statusCode).toBe(400);
    await s.app.inject({ method: 'PUT', url: url(), headers: { cookie: organiser, origin: ORIGIN }, payload: { content } });
    const pub = await s.app.inject({
      method: 'POST',
      url: `${url()}/publish`,
      headers: { cookie: organiser, origin: ORIGIN },
      payload: {},
    });
    expect(pub.statusCode).toBe(201);
    const open = await s.app.inject({ method: 'GET', url: `/api/feedback/${s.engagement.slug}` });
    expect(open.statusCode).toBe(200);
    expect(open.json().content).toEqual(content);
    const device = await s.app.inject({ method: 'GET', url: '/api/device/feedback', headers: { authorization: `Bearer ${s.token}` } });
    expect(device.json().feedback[0].slug).toBe(s.engagement.slug);
    expect((await s.app.inject({ method: 'GET', url: '/api/device/feedback' })).statusCode).toBe(401);
    const audits = await s.database.db.selectFrom('audit_events').select('action').execute();
    expect(audits.map((a) => a.action)).toContain('feedback.publish');
  });
});

describe('reference lookup', () => {
  it('shows the engagement and its feedback, and no personal data', async () => {
    const typed = reference.toLowerCase().replace('-', ' ');
    const res = await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code: typed } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.slug).toBe(s.engagement.slug);
    expect(body.feedback.content.items).toHaveLength(1);
    expect(Object.keys(body).sort()).toEqual(['claim', 'defaultLocale', 'feedback', 'slug', 'title']);
    for (const secret of ['Ada', 'example.org', 'woman', 'Leith Library', 'EH6', 'More seats', reference])
      expect(res.body).not.toContain(secret);
  });

  it('unknown and malformed codes get a clear 4xx; too many tries are refused', async () => {
    const unknown = await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code: '0000-0000' }, remoteAddress: '10.0.0.9' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('cannot find');
    const bad = await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code: 'hello' }, remoteAddress: '10.0.0.9' });
    expect(bad.statusCode).toBe(400);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push(
        (await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code: '0000-0000' }, remoteAddress: '10.0.0.9' })).statusCode,
      );
    expect(codes).toContain(429);
    const other = await s.app.inject({ method: 'POST', url: '/api/lookup', payload: { code: reference }, remoteAddress: '10.0.0.10' });
    expect(other.statusCode).toBe(200);
    // counted per route in the database: lookups do not use up the sign-in or enrolment allowance
    const limits = await s.database.db.selectFrom('rate_limits').selectAll().execute();
    expect(limits.map((l) => l.key)).toContain('POST /api/lookup|10.0.0.9');
  });
});
