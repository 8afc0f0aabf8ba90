/** The builder API behind the organiser role: drafts, validation, publishing versions, media. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTENT } from '../../src/server/demo';
import { listPublished } from '../../src/server/services/engagements';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { startTestApp, type TestServer } from '../support/app';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let cookie: string;
beforeAll(async () => {
  s = await startTestApp();
  cookie = (await staffCookie(s, ['organiser'])).cookie;
});
afterAll(async () => {
  await s.close();
});

const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: { cookie, origin: ORIGIN, ...(payload ? { 'content-type': 'application/json' } : {}) },
    payload: payload as object,
  });

const t = (en: string, easy = en) => ({ en: { standard: en, easy } });
const content = (title: string) => ({
  defaultLocale: 'en',
  locales: ['en'],
  title: t(title),
  purpose: t('Why'),
  privacy: t('Kept two years'),
  questions: [{ id: 'q1', type: 'yesno', title: t('Do you take the bus?') }],
  rateCard: DEFAULT_RATE_CARD,
});

describe('builder', () => {
  it('publishes immutable versions; devices get the newest; older versions stay', async () => {
    const created = await send('POST', '/api/staff/engagements', { slug: 'bus-routes', title: 'Bus routes' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await send('POST', '/api/staff/engagements', { slug: 'bus-routes', title: 'Again' })).statusCode).toBe(409);

    // an empty engagement cannot be published, and says why
    const early = await send('POST', `/api/staff/engagements/${id}/publish`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('Add at least one question');

    expect((await send('PUT', `/api/staff/engagements/${id}/draft`, { content: content('Bus routes') })).statusCode).toBe(200);
    expect((await send('POST', `/api/staff/engagements/${id}/publish`, {})).json()).toMatchObject({ version: 1 });
    await send('PUT', `/api/staff/engagements/${id}/draft`, { content: content('Bus routes 2027') });
    // a draft is not what devices see
    expect((await listPublished(s.database.db)).find((e) => e.slug === 'bus-routes')?.version).toBe(1);
    expect((await send('POST', `/api/staff/engagements/${id}/publish`, {})).json()).toMatchObject({ version: 2 });
    const published = (await listPublished(s.database.db)).find((e) => e.slug === 'bus-routes');
    expect(published?.version).toBe(2);
    expect(published?.content.title.en?.standard).toBe('Bus routes 2027');

    const got = (await send('GET', `/api/staff/engagements/${id}`)).json();
    expect(got.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const keys = s.database.db.selectFrom('engagement_versions').select('public_key_jwk').where('engagement_id', '=', id);
    const [a, b] = await keys.execute();
    expect(a?.public_key_jwk).not.toBe(b?.public_key_jwk);
  });

  it('refuses content it cannot serve, with a message naming the field', async () => {
    const { id } = (await send('POST', '/api/staff/engagements', { slug: 'bad-content', title: 'Bad' })).json();
    const bad = { ...content('X'), questions: [{ id: 'q1', type: 'dance', title: t('?') }] };
    const res = await send('PUT', `/api/staff/engagements/${id}/draft`, { content: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('questions.0.type');
    const external = {
      ...content('X'),
      questions: [{ id: 'q1', type: 'yesno', title: t('?'), picture: { src: 'https://evil.example/x.png', alt: {} } }],
    };
    expect((await send('PUT', `/api/staff/engagements/${id}/draft`, { content: external })).statusCode).toBe(400);
  });

  it('stores uploads in the database and serves them by hash, sandboxed', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const up = await send('POST', '/api/staff/media', { name: 'dot.png', type: 'image/png', dataBase64: png.toString('base64') });
    expect(up.statusCode).toBe(201);
    const { url } = up.json();
    expect(url).toMatch(/^\/media\/[0-9a-f]{64}$/);
    const got = await s.app.inject({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(got.rawPayload, png)).toBe(0);
    const svg = await send('POST', '/api/staff/media', { name: 'x.svg', type: 'image/svg+xml', dataBase64: 'PHN2Zy8+' });
    expect(svg.statusCode).toBe(400);
    expect((await s.app.inject({ method: 'GET', url: `/media/${'a'.repeat(64)}` })).statusCode).toBe(404);
  });

  it('saves and republishes the demo, whose clips and pictures ship with the app', async () => {
    const { id } = (await send('POST', '/api/staff/engagements', { slug: 'demo-copy', title: 'Demo' })).json();
    const saved = await send('PUT', `/api/staff/engagements/${id}/draft`, { content: DEMO_CONTENT });
    expect(saved.json().message).toBeUndefined();
    expect(saved.statusCode).toBe(200);
    expect((await send('POST', `/api/staff/engagements/${id}/publish`, {})).statusCode).toBe(201);
  });

  it('refuses to publish a clip the server does not have', async () => {
    const { id } = (await send('POST', '/api/staff/engagements', { slug: 'lost-clip', title: 'Lost' })).json();
    const lost = `/media/${'b'.repeat(64)}`;
    const c = { ...content('Lost'), questions: [{ id: 'q1', type: 'yesno', title: t('?'), audio: { en: { standard: lost } } }] };
    await send('PUT', `/api/staff/engagements/${id}/draft`, { content: c });
    expect((await send('GET', `/api/staff/engagements/${id}`)).json().absent).toEqual([lost]);
    const res = await send('POST', `/api/staff/engagements/${id}/publish`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('the clip in en is missing on the server');
  });

  it('finds OpenMoji symbols by English keyword and serves only the one asked for', async () => {
    for (const word of ['bus', 'food', 'home']) {
      const found = (await send('GET', `/api/staff/pictograms?q=${word}`)).json().pictograms as { src: string; name: string }[];
      expect(found.length, word).toBeGreaterThan(0);
      expect(found[0]?.src).toMatch(/^\/pictograms\/openmoji\/[0-9A-F-]+\.svg$/);
    }
    const bus = (await send('GET', '/api/staff/pictograms?q=bus')).json().pictograms[0];
    expect(bus.name).toBe('bus');
    const svg = await s.app.inject({ method: 'GET', url: bus.src });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect((await s.app.inject({ method: 'GET', url: '/pictograms/openmoji/..%2Fpackage.json' })).statusCode).toBe(404);
  });

  it('copies an engagement as a new draft from its draft or from a published version, audited', async () => {
    const { id } = (await send('POST', '/api/staff/engagements', { slug: 'clone-me', title: 'Clone me' })).json();
    await send('PUT', `/api/staff/engagements/${id}/draft`, { content: content('First') });
    await send('POST', `/api/staff/engagements/${id}/publish`, {});
    await send('PUT', `/api/staff/engagements/${id}/draft`, { content: content('Second') });
    const fromV1 = await send('POST', `/api/staff/engagements/${id}/clone`, { slug: 'clone-v1', title: 'From one', version: 1 });
    expect(fromV1.statusCode).toBe(201);
    const v1 = (await send('GET', `/api/staff/engagements/${fromV1.json().id}`)).json();
    expect(v1).toMatchObject({ slug: 'clone-v1', status: 'draft', versions: [] });
    expect(v1.content.title.en).toEqual({ standard: 'From one', easy: 'First' });
    expect(v1.content.questions).toEqual(content('First').questions);
    const fromDraft = await send('POST', `/api/staff/engagements/${id}/clone`, { slug: 'clone-draft', title: 'From the draft' });
    expect((await send('GET', `/api/staff/engagements/${fromDraft.json().id}`)).json().content.title.en.easy).toBe('Second');
    expect((await send('POST', `/api/staff/engagements/${id}/clone`, { slug: 'clone-v9', title: 'X', version: 9 })).statusCode).toBe(404);
    expect((await send('POST', `/api/staff/engagements/${id}/clone`, { slug: 'clone-v1', title: 'X' })).statusCode).toBe(409);
    const audit = await s.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'engagement.cloned').execute();
    expect(audit.map((a) => a.subject)).toEqual([`engagement:${fromV1.json().id}`, `engagement:${fromDraft.json().id}`]);
  });
});
