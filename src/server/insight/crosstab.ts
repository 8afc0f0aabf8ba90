/**
 * A choice question (one or several options, yes / no, the faces) by a monitoring question: one row per
 * answer, one column per monitoring category (with "not stated"), counted over the people who answered,
 * then suppressed as a whole table (suppress-grid.ts) so small groups stay hidden, margins included.
 * For several-options questions a person counts once in each option they chose.
 */
import type { Answer } from '../../shared/bundle';
import type { EngagementContent, Text } from '../../shared/engagement';
import { pickText } from '../../shared/engagement';
import { HttpError } from '../errors';
import { CATEGORIES, NOT_STATED } from './participation';
import { answerKeys, questionKeys } from './results';
import { type SuppressedGrid, suppressGrid } from './suppress-grid';
import { wordingFor } from './wording';

export const CROSSABLE = ['single', 'multiple', 'yesno', 'faces'] as const;

export interface CrossTabRow {
  answers_json: string;
  monitoring_json: string | null;
}

export interface CrossTab extends SuppressedGrid {
  question: { id: string; title: string; type: string };
  by: string;
  rows: { key: string; label: string }[];
  columns: string[];
}

export function crossTab(
  content: EngagementContent,
  data: CrossTabRow[],
  questionId: string,
  by: string,
  threshold: number,
  labelLocale = 'en',
): CrossTab {
  const q = content.questions.find((x) => x.id === questionId);
  if (!q || !(CROSSABLE as readonly string[]).includes(q.type))
    throw new HttpError(400, 'invalid_query', 'Choose a question answered by choosing (options, yes / no or faces).');
  const text = (t: Text | undefined) => pickText(t, labelLocale, 'standard', content.defaultLocale).text;
  const rows = questionKeys(q, text, wordingFor(labelLocale)).map(({ key, label }) => ({ key, label }));
  const people = data.map((d) => {
    const monitoring = d.monitoring_json ? (JSON.parse(d.monitoring_json) as Record<string, string>) : {};
    const given = monitoring[by];
    const column = !given || given === 'prefer_not' ? NOT_STATED : given;
    return { column, keys: answerKeys((JSON.parse(d.answers_json) as Record<string, Answer>)[q.id]) };
  });
  const seen = people.filter((p) => p.keys.length > 0).map((p) => p.column);
  const known = CATEGORIES[by] ?? [];
  const columns = [...known, ...[...new Set(seen)].filter((k) => k !== NOT_STATED && !known.includes(k)).sort(), NOT_STATED];
  const counts = rows.map(() => columns.map(() => 0));
  for (const p of people)
    for (const k of p.keys) {
      const line = counts[rows.findIndex((r) => r.key === k)];
      const j = columns.indexOf(p.column);
      if (line && j >= 0) line[j] = (line[j] ?? 0) + 1;
    }
  return { question: { id: q.id, title: text(q.title), type: q.type }, by, rows, columns, ...suppressGrid(counts, threshold) };
}
