/** Who took part, representation and exports as pure functions: every aggregate, and suppression property-tested. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerCell, exportCsv, exportJson } from '../../src/server/insight/export';
import { NOT_STATED, whoTookPart } from '../../src/server/insight/participation';
import { computeResults } from '../../src/server/insight/results';
import { representation, suppressTable } from '../../src/server/insight/suppress';
import type { EngagementContent } from '../../src/shared/engagement';

const row = (venue: string | null, m: Record<string, string> | null) => ({ venue, monitoring_json: m ? JSON.stringify(m) : null });

describe('who took part', () => {
  it('counts every category, merges prefer-not and no answer as not stated, and counts venues', () => {
    const rows = [
      ...Array.from({ length: 30 }, () => row('Library', { gender: 'woman' })),
      ...Array.from({ length: 20 }, () => row('Hall', { gender: 'man' })),
      ...Array.from({ length: 6 }, () => row('Hall', { gender: 'prefer_not' })),
      ...Array.from({ length: 6 }, () => row(null, null)),
      ...Array.from({ length: 3 }, () => row('Hall', { gender: 'non_binary' })),
    ];
    const w = whoTookPart(rows, {});
    expect(w.total).toBe(65);
    const gender = w.dimensions.find((d) => d.dimension === 'gender');
    const cell = (k: string) => gender?.table.cells.find((c) => c.key === k)?.count;
    expect(cell('woman')).toBe(30);
    expect(cell('man')).toBe(20);
    expect(cell('non_binary')).toBeNull();
    expect(cell('other')).toBeNull();
    // 3 + 0 hidden would be 65 - 30 - 20 - 12 = 3 by subtraction: the next smallest (not stated, 12) goes too
    expect(cell(NOT_STATED)).toBeNull();
    expect(w.venues).toEqual([
      { key: 'Hall', label: 'Hall', count: 29 },
      { key: 'Library', label: 'Library', count: 30 },
      { key: 'not recorded', label: 'not recorded', count: 6 },
    ]);
  });

  it('property: no dimension ever shows a cell, or a difference from its total, below the threshold', () => {
    const genders = ['woman', 'man', 'non_binary', 'other', 'prefer_not', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...genders), { maxLength: 120 }), (list) => {
        const w = whoTookPart(
          list.map((g) => row('V', g ? { gender: g } : null)),
          {},
        );
        for (const d of w.dimensions) {
          if (d.table.total === null) {
            expect(d.table.cells.every((c) => c.count === null)).toBe(true);
            continue;
          }
          const visible = d.table.cells.filter((c) => c.count !== null).map((c) => c.count as number);
          for (const n of visible) expect(n).toBeGreaterThanOrEqual(10);
          const rest = d.table.total - visible.reduce((a, b) => a + b, 0);
          expect(rest === 0 || rest >= 10).toBe(true);
        }
      }),
    );
  });

  it('representation leaves "not stated" out of the share only when it is visible', () => {
    const t = suppressTable([
      ['woman', 40],
      ['man', 40],
      [NOT_STATED, 20],
    ]);
    const r = representation(t, { woman: 0.5, man: 0.3 }, 0.2, [NOT_STATED]);
    expect(r.find((x) => x.key === 'woman')).toMatchObject({ share: 0.5, indicator: 'similar' });
    expect(r.find((x) => x.key === 'man')).toMatchObject({ share: 0.5, indicator: 'over' });
    expect(r.find((x) => x.key === NOT_STATED)?.indicator).toBe('unknown');
    const hidden = suppressTable([
      ['woman', 40],
      ['man', 40],
      [NOT_STATED, 5],
    ]);
    const r2 = representation(hidden, { woman: 0.2 }, 0.2, [NOT_STATED]);
    // "not stated" is hidden (and "woman" or "man" with it): shares use visible numbers only
    for (const x of r2) if (x.share !== null) expect(x.share).toBeCloseTo(40 / 85);
  });
});

const content: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en'],
  title: { en: { standard: 'T' } },
  purpose: { en: { standard: 'P' } },
  privacy: { en: { standard: 'X' } },
  questions: [
    { id: 'q1', type: 'single', title: { en: { standard: 'One' } }, options: [{ id: 'a', label: { en: { standard: 'A' } } }] },
    { id: 'q2', type: 'text', title: { en: { standard: 'Say' } } },
  ],
};

describe('exports', () => {
  const rows = [
    {
      id: 'b1',
      created_at: '2026-06-01T23:30:00Z',
      session_id: 's1',
      locale: 'en',
      format: 'easy',
      input_method: 'self',
      answers_json: '{"q1":{"choice":"a"},"q2":{"text":"=1+1"}}',
    },
    {
      id: 'b2',
      created_at: '2026-06-01T10:00:00Z',
      session_id: null,
      locale: 'pl',
      format: 'standard',
      input_method: 'paper',
      answers_json: '{"q1":{"skipped":true}}',
    },
  ];
  const results = computeResults(content, rows, 'Europe/London');
  const input = {
    engagement: { id: 'e', slug: 'e', title: 'E' },
    content,
    timeZone: 'Europe/London',
    rows,
    results,
    who: whoTookPart([], {}),
    themes: [{ id: 't1', name: 'Money', answers: 1, participants: 1 }],
    tags: { 'b1:q2': ['t1'] },
    venues: { s1: 'Library' },
    sessions: { s1: 'Library, 2026-06-01' },
  };

  it('answers: one row per bundle with the local date, venue, each answer and its themes', () => {
    const { body, rows: n } = exportCsv('answers', input);
    expect(n).toBe(2);
    const lines = body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('bundle,created_at_utc,local_date,session,venue,language,format,input_method,q1,q2,themes');
    expect(lines[1]).toBe("b1,2026-06-01T23:30:00Z,2026-06-02,s1,Library,en,easy,self,a,'=1+1,Money");
    expect(lines[2]).toBe('b2,2026-06-01T10:00:00Z,2026-06-01,,,pl,standard,paper,skipped,,');
  });

  it('every answer type has a cell', () => {
    expect(
      [{ choices: ['a', 'b'] }, { face: 3 }, { yesno: 'not_sure' }, { tokens: { a: 2 } }, { voice: 0 }, undefined].map((a) =>
        answerCell(a as never),
      ),
    ).toEqual(['a; b', '3', 'not_sure', 'a: 2', 'voice clip', '']);
  });

  it('aggregates and themes as JSON carry the same figures and no free text', () => {
    const agg = exportJson('aggregates', input).body as { results: { total: number; freeText?: unknown } };
    expect(agg.results.total).toBe(2);
    expect(agg.results.freeText).toBeUndefined();
    expect(exportJson('themes', input).body).toMatchObject({ themes: [{ name: 'Money', answers: 1 }] });
    expect(exportCsv('themes', input).body).toContain('Money,1,1');
  });
});
