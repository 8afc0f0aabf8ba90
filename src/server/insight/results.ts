/**
 * What people said, per engagement: responses over time and by session, language, format and input
 * method; counts per closed question; free text listed. Pure functions over stored bundle rows, so the
 * same figures feed the results page, the CSV and the JSON export.
 */
import type { Answer } from '../../shared/bundle';
import type { EngagementContent, Question } from '../../shared/engagement';
import { pickText } from '../../shared/engagement';

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

export function computeResults(content: EngagementContent, all: ResultRow[], timeZone = 'Europe/London', labelLocale = 'en'): Results {
  const parsed = all
    .map((r) => ({ row: r, answers: JSON.parse(r.answers_json) as Record<string, Answer> }))
    .filter((p) => Object.keys(p.answers).length > 0);
  const rows = parsed.map((p) => p.row);
  const text = (t: Parameters<typeof pickText>[0]) => pickText(t, labelLocale, 'standard', content.defaultLocale).text;
  const questions: QuestionResult[] = content.questions.map((q) => {
    const given = parsed.map((p) => p.answers[q.id]).filter((a): a is Answer => a !== undefined);
    const skipped = given.filter((a) => 'skipped' in a).length;
    const real = given.filter((a) => !('skipped' in a));
    const optionLabel = (id: string) => text(q.options?.find((o) => o.id === id)?.label) || id;
    const zeroed = (keys: string[], label: (k: string) => string) => new Map(keys.map((k) => [k, { key: k, label: label(k), count: 0 }]));
    let counts: Count[] = [];
    let mean: number | undefined;
    if (q.type === 'single' || q.type === 'multiple') {
      const m = zeroed(q.options?.map((o) => o.id) ?? [], optionLabel);
      for (const a of real) {
        const ids = 'choice' in a ? [a.choice] : 'choices' in a ? a.choices : [];
        for (const id of ids) {
          const c = m.get(id);
          if (c) c.count++;
        }
      }
      counts = [...m.values()];
    } else if (q.type === 'yesno') {
      const m = zeroed(YESNO, (k) => k.replace('_', ' '));
      for (const a of real) if ('yesno' in a) (m.get(a.yesno) as Count).count++;
      counts = [...m.values()];
    } else if (q.type === 'faces') {
      const m = zeroed(FACES, (k) => k);
      const faces = real.filter((a): a is { face: number } => 'face' in a).map((a) => a.face);
      for (const f of faces) (m.get(String(f)) as Count).count++;
      counts = [...m.values()];
      if (faces.length) mean = Math.round((faces.reduce((s, f) => s + f, 0) / faces.length) * 100) / 100;
    } else if (q.type === 'priorities') {
      const m = zeroed(q.options?.map((o) => o.id) ?? [], optionLabel);
      for (const a of real)
        if ('tokens' in a) for (const [id, n] of Object.entries(a.tokens)) if (m.has(id)) (m.get(id) as Count).count += n;
      counts = [...m.values()];
    }
    return {
      id: q.id,
      type: q.type,
      title: text(q.title),
      answered: real.length,
      skipped,
      counts,
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
    bySession: tally(rows.map((r) => r.session_id ?? 'none')),
    byLocale: tally(rows.map((r) => r.locale)),
    byFormat: tally(rows.map((r) => r.format)),
    byInputMethod: tally(rows.map((r) => r.input_method)),
    questions,
    freeText,
    voice,
  };
}
