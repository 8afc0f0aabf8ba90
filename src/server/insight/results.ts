/**
 * What people said, per engagement: responses over time and by session, language, format and input
 * method; counts per closed question; free text listed. Pure functions over stored bundle rows, so the
 * same figures feed the results page, the CSV and the JSON export.
 */
import type { Answer } from '../../shared/bundle';
import type { EngagementContent, Question, Text } from '../../shared/engagement';
import { pickText } from '../../shared/engagement';
import { type Wording, wordingFor } from './wording';

export interface ResultRow {
  id: string;
  created_at: string;
  session_id: string | null;
  locale: string;
  format: string;
  input_method: string;
  answers_json: string;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface QuestionResult {
  id: string;
  type: Question['type'];
  title: string;
  answered: number;
  skipped: number;
  /** choices, yes/no, faces 1-5; for priorities: tokens given to each option */
  counts: Count[];
  /** faces: mean of 1-5 over those who answered */
  mean?: number;
}

export interface FreeText {
  bundleId: string;
  questionId: string;
  text: string;
  locale: string;
}

export interface Results {
  /** responses: bundles with at least one answer */
  total: number;
  /** claim-only submissions (an expense claim and no answers): claims, not responses */
  claimOnly: number;
  overTime: Count[];
  bySession: Count[];
  byLocale: Count[];
  byFormat: Count[];
  byInputMethod: Count[];
  questions: QuestionResult[];
  freeText: FreeText[];
  voice: { bundleId: string; questionId: string; attachment: number }[];
}

function tally(keys: string[], label: (k: string) => string = (k) => k): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, label: label(key), count }));
}

/** The calendar date of an instant in the organisation's time zone (explicit, never the server's). */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

const FACES = ['1', '2', '3', '4', '5'];
const YESNO = ['yes', 'no', 'not_sure'];

/** What a closed question can be answered with, in order, each named in the chosen language. */
export function questionKeys(q: Question, text: (t: Text | undefined) => string, words: Wording): Count[] {
  const zero = (key: string, label: string) => ({ key, label: label || key, count: 0 });
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'priorities')
    return (q.options ?? []).map((o) => zero(o.id, text(o.label)));
  if (q.type === 'yesno') return YESNO.map((k) => zero(k, words.yesno[k] ?? k));
  if (q.type === 'faces') return FACES.map((k) => zero(k, faceName(k, words)));
  return [];
}

/** A face named as the participant saw it, with its place on the scale. */
export const faceName = (k: string, words: Wording) => (words.faces[k] ? `${words.faces[k]} (${k})` : k);

/** The keys one answer counts towards (each option chosen, the face, yes / no); none for skips and open answers. */
export function answerKeys(a: Answer | undefined): string[] {
  if (!a || 'skipped' in a) return [];
  if ('choice' in a) return [a.choice];
  if ('choices' in a) return a.choices;
  if ('yesno' in a) return [a.yesno];
  if ('face' in a) return [String(a.face)];
  return [];
}

export function computeResults(
  content: EngagementContent,
  all: ResultRow[],
  timeZone = 'Europe/London',
  labelLocale = 'en',
  sessionNames: Record<string, string> = {},
): Results {
  const parsed = all
    .map((r) => ({ row: r, answers: JSON.parse(r.answers_json) as Record<string, Answer> }))
    .filter((p) => Object.keys(p.answers).length > 0);
  const rows = parsed.map((p) => p.row);
  const text = (t: Text | undefined) => pickText(t, labelLocale, 'standard', content.defaultLocale).text;
  const words = wordingFor(labelLocale);
  const questions: QuestionResult[] = content.questions.map((q) => {
    const given = parsed.map((p) => p.answers[q.id]).filter((a): a is Answer => a !== undefined);
    const skipped = given.filter((a) => 'skipped' in a).length;
    const real = given.filter((a) => !('skipped' in a));
    const m = new Map(questionKeys(q, text, words).map((c) => [c.key, c]));
    for (const a of real) {
      if ('tokens' in a) for (const [id, n] of Object.entries(a.tokens)) (m.get(id) ?? { count: 0 }).count += n;
      else for (const k of answerKeys(a)) (m.get(k) ?? { count: 0 }).count++;
    }
    const faces = q.type === 'faces' ? real.flatMap((a) => ('face' in a ? [a.face] : [])) : [];
    const mean = faces.length ? Math.round((faces.reduce((s, f) => s + f, 0) / faces.length) * 100) / 100 : undefined;
    return {
      id: q.id,
      type: q.type,
      title: text(q.title),
      answered: real.length,
      skipped,
      counts: [...m.values()],
      ...(mean === undefined ? {} : { mean }),
    };
  });
  const freeText: FreeText[] = [];
  const voice: Results['voice'] = [];
  for (const { row, answers } of parsed) {
    for (const q of content.questions) {
      const a = answers[q.id];
      if (a && 'text' in a && a.text.trim()) freeText.push({ bundleId: row.id, questionId: q.id, text: a.text, locale: row.locale });
      if (a && 'voice' in a) voice.push({ bundleId: row.id, questionId: q.id, attachment: a.voice });
    }
  }
  return {
    total: rows.length,
    claimOnly: all.length - rows.length,
    overTime: tally(rows.map((r) => localDate(r.created_at, timeZone))),
    bySession: tally(
      rows.map((r) => r.session_id ?? 'none'),
      (k) => sessionNames[k] ?? (k === 'none' ? 'No session' : k),
    ),
    byLocale: tally(rows.map((r) => r.locale)),
    byFormat: tally(rows.map((r) => r.format)),
    byInputMethod: tally(rows.map((r) => r.input_method)),
    questions,
    freeText,
    voice,
  };
}
