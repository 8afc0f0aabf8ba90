import { describe, expect, it } from 'vitest';
import { computeResults, localDate, type ResultRow } from '../../src/server/insight/results';
import type { EngagementContent } from '../../src/shared/engagement';

const content: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl'],
  title: { en: { standard: 'T' } },
  purpose: { en: { standard: 'P' } },
  privacy: { en: { standard: 'X' } },
  questions: [
    {
      id: 'q1',
      type: 'single',
      title: { en: { standard: 'Pick one' } },
      options: [
        { id: 'a', label: { en: { standard: 'A' } } },
        { id: 'b', label: { en: { standard: 'B' } } },
      ],
    },
    {
      id: 'q2',
      type: 'multiple',
      title: { en: { standard: 'Pick many' } },
      options: [
        { id: 'x', label: { en: { standard: 'X' } } },
        { id: 'y', label: { en: { standard: 'Y' } } },
      ],
    },
    { id: 'q3', type: 'faces', title: { en: { standard: 'Feel' } } },
    { id: 'q4', type: 'yesno', title: { en: { standard: 'Yes?' } } },
    {
      id: 'q5',
      type: 'priorities',
      tokens: 5,
      title: { en: { standard: 'Share' } },
      options: [
        { id: 'p', label: { en: { standard: 'P' } } },
        { id: 'q', label: { en: { standard: 'Q' } } },
      ],
    },
    { id: 'q6', type: 'text', title: { en: { standard: 'Else' } } },
  ],
};

function row(i: number, answers: object, extra: Partial<ResultRow> = {}): ResultRow {
  return {
    id: `b${i}`,
    created_at: '2026-11-21T23:30:00Z',
    session_id: 's1',
    locale: 'en',
    format: 'standard',
    input_method: 'self',
    answers_json: JSON.stringify(answers),
    ...extra,
  };
}

describe('results', () => {
  const rows = [
    row(1, {
      q1: { choice: 'a' },
      q2: { choices: ['x', 'y'] },
      q3: { face: 5 },
      q4: { yesno: 'yes' },
      q5: { tokens: { p: 3, q: 2 } },
      q6: { text: 'More buses' },
    }),
    row(
      2,
      {
        q1: { choice: 'b' },
        q2: { choices: ['x'] },
        q3: { face: 2 },
        q4: { yesno: 'not_sure' },
        q5: { tokens: { p: 5 } },
        q6: { skipped: true },
      },
      { locale: 'pl', format: 'easy', input_method: 'helped', session_id: 's2' },
    ),
    row(
      3,
      { q1: { skipped: true }, q3: { face: 4 }, q4: { yesno: 'yes' }, q6: { text: '  ' } },
      { input_method: 'paper', created_at: '2026-11-22T10:00:00Z' },
    ),
  ];
  const r = computeResults(content, rows);

  it('counts responses by session, language, format and input method', () => {
    expect(r.total).toBe(3);
    expect(r.bySession).toEqual([
      { key: 's1', label: 's1', count: 2 },
      { key: 's2', label: 's2', count: 1 },
    ]);
    expect(r.byLocale.map((c) => [c.key, c.count])).toEqual([
      ['en', 2],
      ['pl', 1],
    ]);
    expect(r.byFormat.map((c) => [c.key, c.count])).toEqual([
      ['easy', 1],
      ['standard', 2],
    ]);
    expect(r.byInputMethod.map((c) => [c.key, c.count])).toEqual([
      ['helped', 1],
      ['paper', 1],
      ['self', 1],
    ]);
  });

  it('dates responses in the organisation time zone, not the server one', () => {
    // 23:30 UTC on 21 November is already 22 November in Auckland
    expect(localDate('2026-11-21T23:30:00Z', 'Europe/London')).toBe('2026-11-21');
    expect(localDate('2026-11-21T23:30:00Z', 'Pacific/Auckland')).toBe('2026-11-22');
    expect(r.overTime.map((c) => [c.key, c.count])).toEqual([
      ['2026-11-21', 2],
      ['2026-11-22', 1],
    ]);
  });

  it('counts every closed question type, with skips apart', () => {
    const q = Object.fromEntries(r.questions.map((x) => [x.id, x]));
    expect(q.q1?.counts.map((c) => [c.label, c.count])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    expect(q.q1?.skipped).toBe(1);
    expect(q.q2?.counts.map((c) => c.count)).toEqual([2, 1]);
    expect(q.q3?.counts.map((c) => c.count)).toEqual([0, 1, 0, 1, 1]);
    expect(q.q3?.mean).toBeCloseTo(3.67);
    expect(q.q4?.counts.map((c) => [c.key, c.count])).toEqual([
      ['yes', 2],
      ['no', 0],
      ['not_sure', 1],
    ]);
    expect(q.q5?.counts.map((c) => c.count)).toEqual([8, 2]);
  });

  it('lists free text that says something, with its language', () => {
    expect(r.freeText).toEqual([{ bundleId: 'b1', questionId: 'q6', text: 'More buses', locale: 'en' }]);
  });
});
