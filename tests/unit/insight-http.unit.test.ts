/**
 * Insight over HTTP, on a real database, with bundles sent through the real sync endpoint: results equal
 * the seeded truth, suppression holds in the actual responses, themes, exports (parsed back), audit.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { seededItems, sendThroughSync, truth } from '../support/insight-seed';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let analyst: string;
let organiser: string;
let finance: string;
let T: ReturnType<typeof truth>;
const N = 150;

beforeAll(async () => {
  s = await startTestApp();
  const { items, payloads } = await seededItems(s.engagement, N);
  T = truth(payloads);
  await sendThroughSync(async (payload) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/sync/batches',
      headers: { authorization: `Bearer ${s.token}` },
      payload: payload as object,
    });
    return { status: res.statusCode, json: () => res.json() };
  }, items);
  await openAcknowledged(s);
  analyst = (await staffCookie(s, ['analyst'])).cookie;
  organiser = (await staffCookie(s, ['organiser'])).cookie;
  finance = (await staffCookie(s, ['finance'])).cookie;
}, 60_000);
afterAll(async () => {
  await s.close();
});

const get = (url: string, cookie: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  s.app.inject({ method, url, headers: { cookie, origin: ORIGIN }, ...(payload ? { payload } : {}) });
const base = () => `/api/staff/insight/${s.engagement.engagementId}`;
const asMap = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));

describe('results over HTTP', () => {
  it('every figure equals the seeded truth', async () => {
    const res = await get(`${base()}/results`, analyst);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.total).toBe(T.total);
    expect(asMap(r.bySession)).toEqual(T.bySession);
    expect(asMap(r.byLocale)).toEqual(T.byLocale);
    expect(asMap(r.byFormat)).toEqual(T.byFormat);
    expect(asMap(r.byInputMethod)).toEqual(T.byInputMethod);
    expect(asMap(r.overTime)).toEqual(T.overTime);
    const q = (id: string) => r.questions.find((x: { id: string }) => x.id === id);
    expect(asMap(q('visit').counts)).toEqual({ yes: 0, no: 0, not_sure: 0, ...T.visit });
    expect(q('visit').skipped).toBe(T.visitSkipped);
    expect(asMap(q('feel').counts)).toEqual(T.feel);
    expect(asMap(q('most').counts)).toEqual(T.most);
    expect(asMap(q('services').counts)).toEqual(T.services);
    expect(r.freeText).toHaveLength(T.freeText);
    expect(Object.values(r.venues).sort()).toHaveLength(5);
  });

  it('finance and anonymous callers are refused', async () => {
    expect((await get(`${base()}/results`, finance)).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: `${base()}/results` })).statusCode).toBe(401);
  });
});

describe('who took part: suppression in the actual response', () => {
  it('no count below the threshold leaves the server, not even by subtraction from the total', async () => {
    const res = await get(`${base()}/participation`, analyst);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.total).toBe(N);
    for (const d of p.dimensions) {
      const visible = d.table.cells.filter((c: { count: number | null }) => c.count !== null);
      for (const c of visible) expect(c.count).toBeGreaterThanOrEqual(10);
      const hidden = d.table.total - visible.reduce((a: number, c: { count: number }) => a + c.count, 0);
      expect(hidden === 0 || hidden >= 10, `${d.dimension}: total minus visible = ${hidden}`).toBe(true);
      // shares are worked out from visible numbers only
      for (const r of d.representation) if (r.share !== null) expect(visible.some((c: { key: string }) => c.key === r.key)).toBe(true);
    }
    const gender = p.dimensions.find((d: { dimension: string }) => d.dimension === 'gender');
    const nb = gender.table.cells.find((c: { key: string }) => c.key === 'non_binary');
    expect(T.gender.non_binary).toBeLessThan(10);
    expect(nb).toEqual({ key: 'non_binary', count: null, suppressed: true });
    // the raw small number appears nowhere in the payload next to its key
    expect(res.body).not.toContain(`"non_binary","count":${T.gender.non_binary}`);
    expect(asMap(p.venues)).toEqual(T.byVenue);
    expect(p.fatigue.find((f: { area: string }) => f.area === 'G42').engagements).toBe(1);
  });

  it('reference shares give an over/under indicator', async () => {
    const bad = await send('PUT', `${base()}/reference`, organiser, { dimension: 'gender', source: 'x', shares: { woman: 80, man: 40 } });
    expect(bad.statusCode).toBe(400);
    const res = await send('PUT', `${base()}/reference`, organiser, {
      dimension: 'gender',
      source: 'Census 2022',
      shares: { woman: 30, man: 49, non_binary: 1 },
    });
    expect(res.statusCode).toBe(200);
    const g = res.json().dimensions.find((d: { dimension: string }) => d.dimension === 'gender');
    const woman = g.representation.find((r: { key: string }) => r.key === 'woman');
    expect(woman.reference).toBeCloseTo(0.3);
    expect(woman.indicator).toBe('over');
    expect(res.json().sources.gender).toBe('Census 2022');
  });

  it('a view with fewer people than the threshold shows no figures at all', async () => {
    const { whoTookPart } = await import('../../src/server/insight/participation');
    const w = whoTookPart([{ venue: 'A', monitoring_json: '{"gender":"woman"}' }], {});
    expect(w.total).toBeNull();
    for (const d of w.dimensions) expect(d.table.cells.every((c) => c.count === null)).toBe(true);
  });
});

describe('themes', () => {
  it('analysts create themes, tag answers, and the counts follow', async () => {
    const r = (await get(`${base()}/results`, analyst)).json();
    const seats = r.freeText.filter((f: { text: string }) => f.text.includes('seats'));
    const created = await send('POST', `${base()}/themes`, analyst, { name: 'Seating' });
    expect(created.statusCode).toBe(201);
    expect((await send('POST', `${base()}/themes`, analyst, { name: 'Seating' })).statusCode).toBe(409);
    expect((await send('POST', `${base()}/themes`, organiser, { name: 'Other' })).statusCode).toBe(403);
    const themeId = created.json().id;
    for (const f of seats) {
      const t = await send('POST', `${base()}/tags`, analyst, { themeId, bundleId: f.bundleId, questionId: f.questionId, tagged: true });
      expect(t.statusCode).toBe(200);
    }
    // tagging twice counts once; untagging one removes it
    await send('POST', `${base()}/tags`, analyst, { themeId, bundleId: seats[0].bundleId, questionId: 'else', tagged: true });
    await send('POST', `${base()}/tags`, analyst, { themeId, bundleId: seats[1].bundleId, questionId: 'else', tagged: false });
    const after = (await get(`${base()}/results`, analyst)).json();
    const theme = after.themes.find((t: { id: string }) => t.id === themeId);
    expect(theme).toMatchObject({ name: 'Seating', answers: seats.length - 1, participants: seats.length - 1 });
    expect(after.tags[`${seats[0].bundleId}:else`]).toEqual([themeId]);
    const bad = await send('POST', `${base()}/tags`, analyst, { themeId, bundleId: crypto.randomUUID(), questionId: 'else', tagged: true });
    expect(bad.statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('the aggregates CSV has a BOM and parses back to the same figures; each export is audited', async () => {
    const res = await get(`${base()}/export?kind=aggregates&format=csv`, analyst);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const section = (name: string, question = '') =>
      Object.fromEntries(rows.filter((r) => r.section === name && r.question === question).map((r) => [r.key, Number(r.count)]));
    expect(section('total').all).toBe(T.total);
    expect(section('session')).toEqual(T.bySession);
    expect(section('language')).toEqual(T.byLocale);
    expect(section('format')).toEqual(T.byFormat);
    expect(section('input_method')).toEqual(T.byInputMethod);
    expect(section('over_time')).toEqual(T.overTime);
    expect(section('question', 'most')).toEqual(T.most);
    expect(section('venue')).toEqual(T.byVenue);
    const nb = rows.find((r) => r.section === 'monitoring_gender' && r.key === 'non_binary');
    expect(nb?.count).toBe('');
    const audits = await s.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'export.aggregates').execute();
    expect(audits).toHaveLength(1);
  });

  it('the answers CSV has one row per bundle, no contact or monitoring, and inert formulas', async () => {
    const res = await get(`${base()}/export?kind=answers&format=csv`, organiser);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(T.total);
    expect(res.body).not.toContain('@example.org');
    expect(res.body).not.toMatch(/non_binary|woman/);
    expect(rows.some((r) => r.else?.startsWith("'=HYPERLINK"))).toBe(true);
    const json = (await get(`${base()}/export?kind=aggregates&format=json`, analyst)).json();
    expect(json.results.total).toBe(T.total);
    expect((await get(`${base()}/export?kind=bank&format=csv`, analyst)).statusCode).toBe(400);
  });

  it('contacts: organisers only, decrypted, and every read audited', async () => {
    const fid = `/api/staff/feedback/${s.engagement.engagementId}/contacts`;
    expect((await get(fid, analyst)).statusCode).toBe(403);
    const res = await get(`${fid}?format=csv`, organiser);
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(T.contacts);
    expect(rows[0]?.email).toMatch(/@example.org$/);
    const stored = await s.database.db.selectFrom('feedback_contacts').select('contact_sealed').execute();
    expect(stored.every((r) => !r.contact_sealed.includes('example.org'))).toBe(true);
    const audits = await s.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'export.contacts').execute();
    expect(audits).toHaveLength(1);
  });
});
