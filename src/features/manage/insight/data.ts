/** Shapes of the insight API (src/server/routes/insight.ts) and one loaded engagement's results. */

import { filterParams, type InsightFilter } from '../../../shared/insight';
import { signal } from '../../../shared/signal';
import { api } from '../api';

export interface Count {
  key: string;
  label: string;
  count: number;
}
export interface QuestionResult {
  id: string;
  type: string;
  title: string;
  answered: number;
  skipped: number;
  counts: Count[];
  mean?: number;
}
export interface ThemeCount {
  id: string;
  name: string;
  answers: number;
  participants: number;
}
export interface Results {
  engagement: { id: string; slug: string; title: string };
  timeZone: string;
  total: number;
  claimOnly: number;
  overTime: Count[];
  bySession: Count[];
  byLocale: Count[];
  byFormat: Count[];
  byInputMethod: Count[];
  questions: QuestionResult[];
  freeText: { bundleId: string; questionId: string; text: string; locale: string }[];
  voice: { bundleId: string; questionId: string; attachment: number }[];
  themes: ThemeCount[];
  tags: Record<string, string[]>;
  venues: Record<string, string>;
  /** session id → its name (venue and date) */
  sessions: Record<string, string>;
  areas: string[];
  filter: InsightFilter;
  /** bundles that have arrived and are not opened yet: not in these figures until they are */
  opening: number;
}

/** A choice question by a monitoring question; hidden figures arrive as null (src/server/insight/crosstab.ts). */
export interface CrossTab {
  question: { id: string; title: string; type: string };
  by: string;
  rows: { key: string; label: string }[];
  columns: string[];
  cells: (number | null)[][];
  rowTotals: number[];
  columnTotals: (number | null)[];
  total: number;
  threshold: number;
}

export const results = signal<Results | null>(null);
/** What the analyst narrowed the figures to; it follows them from tab to tab and into the exports. */
export const filter = signal<InsightFilter>({});

export async function loadResults(id: string, f: InsightFilter = filter.value): Promise<void> {
  const query = filterParams(f).toString();
  results.value = await api<Results>('GET', `/api/staff/insight/${id}/results${query ? `?${query}` : ''}`);
  filter.value = f;
}

export const MONITORING_NAMES: Record<string, string> = {
  ageBand: 'Age',
  gender: 'Gender',
  disability: 'Disability',
  ethnicity: 'Ethnic group',
  area: 'Home area',
};
/** under_16 → under 16, 16_24 → 16–24 */
export const nice = (k: string) => k.replace(/(\d)_(\d)/g, '$1–$2').replace(/_/g, ' ');
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  gd: 'Gàidhlig',
  pl: 'Polish',
  uk: 'Ukrainian',
  ar: 'Arabic',
  ur: 'Urdu',
  'zh-Hans': 'Chinese (simplified)',
};
export const METHOD_NAMES: Record<string, string> = { self: 'On their own', helped: 'Helped', paper: 'From paper' };
export const FORMAT_NAMES: Record<string, string> = { standard: 'Standard', easy: 'Easy read' };
