/**
 * Filters, cross-tabs and exports in words, over HTTP on a real database (both projects), with bundles
 * sent through the real sync endpoint: each filtered figure equals the seeded truth counted here under the
 * same filter; the Polish answers export parses back to the engagement's Polish wording.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickText } from '../../src/shared/engagement';
import { filterParams, type InsightFilter } from '../../src/shared/insight';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { seededItems, type seededPayload, sendThroughSync } from '../support/insight-seed';
import { staffCookie } from '../support/staff';

let s: TestServer;
let analyst: string;
let payloads: ReturnType<typeof seededPayload>[];
const N = 120;

beforeAll(async () => {
  s = await startTestApp();
  const seeded = await seededItems(s.engagement, N);
  payloads = seeded.payloads;
  await sendThroughSync(async (payload) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/sync/batches',
      headers: { authorization: `Bearer ${s.token}` },
      payload: payload as object,
    });
    return { status: res.statusCode, json: () => res.json() };
  }, seeded.items);
  await openAcknowledged(s);
  analyst = (await staffCookie(s, ['analyst'])).cookie;
}, 60_000);
afterAll(async () => {
  await s.close();
});

const get = (path: string, query: URLSearchParams) =>
  s.app.inject({ method: 'GET', url: `/api/staff/insight/${s.engagement.engagementId}/${path}?${query}`, headers: { cookie: analyst } });
const chosen = (p: (typeof payloads)[number]) => (p.answers?.most as { choice: string } | undefined)?.choice ?? '';
const london = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

describe('filters', () => {
  const cases: [InsightFilter, (p: (typeof payloads)[number]) => boolean][] = [
    [{ session: 's-2' }, (p) => p.sessionId === 's-2'],
    [{ area: 'G42' }, (p) => p.place.area === 'G42'],
    [{ locale: 'pl' }, (p) => p.locale === 'pl'],
    [{ textFormat: 'easy' }, (p) => p.format === 'easy'],
    [{ inputMethod: 'paper' }, (p) => p.inputMethod === 'paper'],
    [
      { from: '2026-06-02', to: '2026-06-03', timeZone: 'Europe/London' },
      (p) => ['2026-06-02', '2026-06-03'].includes(london(p.createdAt as string)),
    ],
    [{ locale: 'en', textFormat: 'standard', area: 'g42' }, (p) => p.locale === 'en' && p.format === 'standard' && p.place.area === 'G42'],
  ];
  it.each(cases)('%j narrows every figure to the matching answers', async (filter, match) => {
    const want = payloads.filter(match);
    expect(want.length).toBeGreaterThan(0);
    const res = await get('results', filterParams(filter));
    expect(res.statusCode).toBe(200);
    const r = res.json() as { total: number; questions: { id: string; counts: { key: string; count: number }[] }[] };
    expect(r.total).toBe(want.length);
    const most = Object.fromEntries(r.questions.find((q) => q.id === 'most')?.counts.map((c) => [c.key, c.count]) ?? []);
    const truth: Record<string, number> = { hours: 0, computers: 0, children: 0, space: 0 };
    for (const p of want) truth[chosen(p)] = (truth[chosen(p)] ?? 0) + 1;
    expect(most).toEqual(truth);
    const csv = parse((await get('export', new URLSearchParams([...filterParams(filter), ['kind', 'answers'], ['format', 'csv']]))).body, {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(csv).toHaveLength(want.length);
  });

  it('a time zone decides the day: 23:30 UTC on 1 June is 2 June in London, 1 June in UTC', async () => {
    const late = payloads.filter((p) => (p.createdAt as string).startsWith('2026-06-01T23')).length;
    expect(late).toBeGreaterThan(0);
    const day = (timeZone: string) => get('results', filterParams({ from: '2026-06-01', to: '2026-06-01', timeZone }));
    const utc = payloads.filter((p) => (p.createdAt as string).startsWith('2026-06-01')).length;
    expect(((await day('UTC')).json() as { total: number }).total).toBe(utc);
    expect(((await day('Europe/London')).json() as { total: number }).total).toBe(utc - late);
  });

  it('refuses what is not a filter', async () => {
    for (const bad of ['from=2026-06-05&to=2026-06-01', 'timeZone=Mars/Olympus', 'locale=xx', 'colour=red'])
      expect((await get('results', new URLSearchParams(bad))).statusCode).toBe(400);
  });
});

describe('cross-tab', () => {
  it('crosses a choice question by gender: true visible cells, small ones hidden, totals match the results', async () => {
    const res = await get('crosstab', new URLSearchParams({ question: 'most', by: 'gender' }));
    expect(res.statusCode).toBe(200);
    const t = res.json() as {
      rows: { key: string }[];
      columns: string[];
      cells: (number | null)[][];
      rowTotals: number[];
      threshold: number;
    };
    const gender = (p: (typeof payloads)[number]) => {
      const g = (p.monitoring as { gender?: string } | undefined)?.gender;
      return !g || g === 'prefer_not' ? 'not_stated' : g;
    };
    t.rows.forEach((row, i) => {
      t.columns.forEach((col, j) => {
        const n = payloads.filter((p) => chosen(p) === row.key && gender(p) === col).length;
        const shown = t.cells[i]?.[j];
        if (n < t.threshold) expect(shown).toBeNull();
        if (shown !== null) expect(shown).toBe(n);
      });
    });
    expect(t.rowTotals.reduce((a, b) => a + b, 0)).toBe(N);
    expect((await get('crosstab', new URLSearchParams({ question: 'else', by: 'gender' }))).statusCode).toBe(400);
  });
});

describe('exports in words', () => {
  it('answers with wording=pl: Polish question titles as columns and Polish option labels in the cells', async () => {
    const content = s.engagement.content;
    const pl = (t: Parameters<typeof pickText>[0]) => pickText(t, 'pl', 'standard', content.defaultLocale).text;
    const res = await get('export', new URLSearchParams({ kind: 'answers', format: 'csv', wording: 'pl' }));
    expect(res.headers['content-disposition']).toContain('-answers-pl.csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const most = content.questions.find((q) => q.id === 'most');
    const title = pl(most?.title);
    expect(title).not.toBe(pickText(most?.title, 'en', 'standard', 'en').text);
    const labels = Object.fromEntries((most?.options ?? []).map((o) => [o.id, pl(o.label)]));
    const tally = (list: string[]) => {
      const m: Record<string, number> = {};
      for (const k of list) m[k] = (m[k] ?? 0) + 1;
      return m;
    };
    expect(tally(rows.map((row) => row[title] as string))).toEqual(tally(payloads.map((p) => labels[chosen(p)] as string)));
    // faces by name, sessions by venue, ids still in the JSON for machines
    const feel = pl(content.questions.find((q) => q.id === 'feel')?.title);
    const faces = (JSON.parse(fs.readFileSync('locales/pl/common.json', 'utf8')) as { faces: Record<string, string> }).faces;
    expect(new Set(rows.map((row) => row[feel]))).toEqual(new Set(Object.entries(faces).map(([n, name]) => `${name} (${n})`)));
    expect(new Set(rows.map((row) => row.session))).toContain('Govanhill Library');
    const json = (await get('export', new URLSearchParams({ kind: 'answers', format: 'json', wording: 'pl' }))).json() as {
      questionIds: string[];
    };
    expect(json.questionIds).toContain('most');
  });

  it('aggregates carry a percentage beside each count', async () => {
    const rows = parse((await get('export', new URLSearchParams({ kind: 'aggregates', format: 'csv' }))).body, {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const hours = rows.find((r) => r.section === 'question' && r.question === 'most' && r.key === 'hours');
    expect(Number(hours?.percent)).toBeCloseTo((Number(hours?.count) / N) * 100, 1);
  });
});
