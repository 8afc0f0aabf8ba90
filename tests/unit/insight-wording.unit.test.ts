/** Exports in words: the chosen language's wording (right-to-left included), fallbacks, and inert formulas. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/server/insight/export';
import { whoTookPart } from '../../src/server/insight/participation';
import { computeResults, type ResultRow } from '../../src/server/insight/results';
import type { EngagementContent } from '../../src/shared/engagement';

const content: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'ar'],
  title: { en: { standard: 'T' } },
  purpose: { en: { standard: 'P' } },
  privacy: { en: { standard: 'X' } },
  questions: [
    {
      id: 'q1',
      type: 'multiple',
      title: { en: { standard: 'What matters?' }, ar: { standard: 'ما المهم؟' } },
      options: [
        { id: 'a', label: { en: { standard: 'Buses' }, ar: { standard: 'الحافلات' } } },
        { id: 'b', label: { en: { standard: '=Parks' } } },
      ],
    },
    { id: 'q2', type: 'yesno', title: { en: { standard: 'Again?' } } },
    { id: 'q3', type: 'faces', title: { en: { standard: 'Again?' } } },
  ],
};
const rows: ResultRow[] = [
  {
    id: 'b1',
    created_at: '2026-06-01T10:00:00Z',
    session_id: 's1',
    locale: 'ar',
    format: 'standard',
    input_method: 'self',
    answers_json: JSON.stringify({ q1: { choices: ['b', 'a'] }, q2: { yesno: 'not_sure' }, q3: { skipped: true } }),
  },
];
const input = (wording?: string) => ({
  engagement: { id: 'e', slug: 'e', title: 'E' },
  content,
  timeZone: 'Europe/London',
  rows,
  results: computeResults(content, rows, 'Europe/London', wording),
  who: whoTookPart([], {}),
  themes: [],
  tags: {},
  venues: { s1: 'Library' },
  sessions: { s1: 'Library, 2026-06-01' },
  wording,
});
const read = (body: string) => parse(body, { bom: true, columns: true }) as Record<string, string>[];

describe('answers export in words', () => {
  it('Arabic wording, English where a text has none, titles told apart, formulas inert', () => {
    const [row] = read(exportCsv('answers', input('ar')).body);
    expect(row?.['ما المهم؟']).toBe("'=Parks; الحافلات");
    expect(row?.session).toBe('Library, 2026-06-01');
    // the two questions read the same in Arabic (both fall back to "Again?"): the id tells them apart
    expect(Object.keys(row ?? {})).toEqual(expect.arrayContaining(['Again? [q2]', 'Again? [q3]']));
    expect(row?.['Again? [q2]']).not.toBe('not_sure');
    expect(row?.['Again? [q3]']).not.toBe('skipped');
  });

  it('without wording the columns and cells stay ids, for machines', () => {
    const [row] = read(exportCsv('answers', input()).body);
    expect(row).toMatchObject({ q1: 'b; a', q2: 'not_sure', q3: 'skipped', session: 's1' });
  });

  it('English wording names the faces and yes / no as the participant saw them', () => {
    const r = computeResults(content, rows, 'Europe/London', 'en');
    expect(r.questions.find((q) => q.id === 'q3')?.counts.map((c) => c.label)).toEqual([
      'Very unhappy (1)',
      'Unhappy (2)',
      'Okay (3)',
      'Happy (4)',
      'Very happy (5)',
    ]);
    const [row] = read(exportCsv('answers', input('en')).body);
    expect(row?.['Again? [q2]']).toBe('Not sure');
  });
});
