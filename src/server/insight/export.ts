/**
 * Exports of answers, themes and aggregates as CSV (src/server/insight/csv.ts) or JSON, built from the
 * same figures as the results page. No export carries contact, bank or per-person monitoring data:
 * monitoring appears only as suppressed aggregates, and suppressed cells stay blank ("fewer than N").
 */
import type { Answer } from '../../shared/bundle';
import type { EngagementContent, Question } from '../../shared/engagement';
import { pickText } from '../../shared/engagement';
import { percent } from '../../shared/insight';
import { type CsvValue, toCsv } from './csv';
import type { WhoTookPart } from './participation';
import { faceName, localDate, type ResultRow, type Results } from './results';
import { wordingFor } from './wording';

export type ExportKind = 'answers' | 'themes' | 'aggregates';

export interface ExportInput {
  engagement: { id: string; slug: string; title: string };
  content: EngagementContent;
  timeZone: string;
  rows: ResultRow[];
  results: Results;
  who: WhoTookPart;
  themes: { id: string; name: string; answers: number; participants: number }[];
  tags: Record<string, string[]>;
  venues: Record<string, string>;
  /** session id → name (venue and date) */
  sessions: Record<string, string>;
  /** a locale: questions, options, faces and yes / no in its words; absent: ids, for machines */
  wording?: string;
}

export function answerCell(a: Answer | undefined): string {
  if (!a) return '';
  if ('skipped' in a) return 'skipped';
  if ('choice' in a) return a.choice;
  if ('choices' in a) return a.choices.join('; ');
  if ('text' in a) return a.text;
  if ('face' in a) return String(a.face);
  if ('yesno' in a) return a.yesno;
  if ('tokens' in a)
    return Object.entries(a.tokens)
      .map(([k, n]) => `${k}: ${n}`)
      .join('; ');
  return 'voice clip';
}

/** An answer in words, as the participant read it in `locale` (options, faces, yes / no), for reports. */
export function answerWords(q: Question, a: Answer | undefined, locale: string, defaultLocale: string): string {
  if (!a) return '';
  const words = wordingFor(locale);
  const option = (id: string) => pickText(q.options?.find((o) => o.id === id)?.label, locale, 'standard', defaultLocale).text || id;
  if ('skipped' in a) return words.skipped;
  if ('choice' in a) return option(a.choice);
  if ('choices' in a) return a.choices.map(option).join('; ');
  if ('face' in a) return faceName(String(a.face), words);
  if ('yesno' in a) return words.yesno[a.yesno] ?? a.yesno;
  if ('tokens' in a)
    return Object.entries(a.tokens)
      .map(([k, n]) => `${option(k)}: ${n}`)
      .join('; ');
  if ('text' in a) return a.text;
  return words.voice;
}

/** Column names for the questions: ids, or the wording in the chosen language (told apart when two read the same). */
function questionColumns(x: ExportInput): string[] {
  const { questions, defaultLocale } = x.content;
  if (!x.wording) return questions.map((q) => q.id);
  const titles = questions.map((q) => pickText(q.title, x.wording as string, 'standard', defaultLocale).text || q.id);
  return titles.map((t, i) => (titles.indexOf(t) === i && titles.lastIndexOf(t) === i ? t : `${t} [${questions[i]?.id}]`));
}

function answersTable(x: ExportInput): { header: string[]; rows: CsvValue[][] } {
  const themeName = new Map(x.themes.map((t) => [t.id, t.name]));
  const qs = x.content.questions;
  const words = x.wording;
  const header = ['bundle', 'created_at_utc', 'local_date', 'session', 'venue', 'language', 'format', 'input_method'];
  header.push(...questionColumns(x), 'themes');
  const rows = x.rows.map((r) => {
    const answers = JSON.parse(r.answers_json) as Record<string, Answer>;
    const themes = new Set(qs.flatMap((q) => x.tags[`${r.id}:${q.id}`] ?? []).map((id) => themeName.get(id) ?? id));
    const venue = (r.session_id && x.venues[r.session_id]) || '';
    return [
      r.id,
      r.created_at,
      localDate(r.created_at, x.timeZone),
      words ? (r.session_id && x.sessions[r.session_id]) || r.session_id || '' : (r.session_id ?? ''),
      venue,
      r.locale,
      r.format,
      r.input_method,
      ...qs.map((q) => (words ? answerWords(q, answers[q.id], words, x.content.defaultLocale) : answerCell(answers[q.id]))),
      [...themes].sort().join('; '),
    ];
  });
  return { header, rows };
}

function themesTable(x: ExportInput): { header: string[]; rows: CsvValue[][] } {
  const rows: CsvValue[][] = x.themes.map((t) => [t.name, t.answers, t.participants]);
  return { header: ['theme', 'tagged_answers', 'participants'], rows };
}

function aggregatesTable(x: ExportInput): { header: string[]; rows: CsvValue[][] } {
  const r = x.results;
  const out: CsvValue[][] = [['total', '', 'all', 'All responses', r.total, percent(r.total, r.total)]];
  const add = (section: string, list: { key: string; label: string; count: number }[], base = r.total) => {
    for (const c of list) out.push([section, '', c.key, c.label, c.count, percent(c.count, base)]);
  };
  add('over_time', r.overTime);
  add('session', r.bySession);
  add('language', r.byLocale);
  add('format', r.byFormat);
  add('input_method', r.byInputMethod);
  for (const q of r.questions) {
    out.push(['question_answered', q.id, 'answered', q.title, q.answered, percent(q.answered, r.total)]);
    out.push(['question_skipped', q.id, 'skipped', q.title, q.skipped, percent(q.skipped, r.total)]);
    const base = q.type === 'priorities' ? q.counts.reduce((s, c) => s + c.count, 0) : q.answered;
    for (const c of q.counts) out.push(['question', q.id, c.key, c.label, c.count, percent(c.count, base)]);
    if (q.mean !== undefined) out.push(['question_mean', q.id, 'mean', q.title, q.mean, '']);
  }
  add(
    'venue',
    x.who.venues,
    x.who.venues.reduce((s, c) => s + c.count, 0),
  );
  for (const d of x.who.dimensions)
    for (const c of d.table.cells) {
      const label = c.count === null ? `fewer than ${x.who.threshold}` : c.key;
      out.push([`monitoring_${d.dimension}`, '', c.key, label, c.count, percent(c.count, d.table.total)]);
    }
  for (const t of x.themes) out.push(['theme', '', t.id, t.name, t.answers, '']);
  return { header: ['section', 'question', 'key', 'label', 'count', 'percent'], rows: out };
}

const TABLES = { answers: answersTable, themes: themesTable, aggregates: aggregatesTable } as const;

export function exportCsv(kind: ExportKind, x: ExportInput): { body: string; rows: number } {
  const t = TABLES[kind](x);
  return { body: toCsv(t.header, t.rows), rows: t.rows.length };
}

export function exportJson(kind: ExportKind, x: ExportInput): { body: unknown; rows: number } {
  const base = { engagement: x.engagement, kind, generatedAt: new Date().toISOString(), timeZone: x.timeZone };
  if (kind === 'answers') {
    const t = answersTable(x);
    const questionIds = x.content.questions.map((q) => q.id);
    return { body: { ...base, wording: x.wording ?? null, questionIds, columns: t.header, rows: t.rows }, rows: t.rows.length };
  }
  if (kind === 'themes') return { body: { ...base, themes: x.themes }, rows: x.themes.length };
  const { freeText: _f, voice: _v, ...aggregates } = x.results;
  const who = { total: x.who.total, threshold: x.who.threshold, venues: x.who.venues, dimensions: x.who.dimensions };
  return { body: { ...base, results: aggregates, whoTookPart: who, themes: x.themes }, rows: aggregates.total };
}
