/** Shapes of the insight API (src/server/routes/insight.ts) and one loaded engagement's results. */
import { signal } from '@preact/signals';
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
}

export const results = signal<Results | null>(null);

export async function loadResults(id: string): Promise<void> {
  results.value = await api<Results>('GET', `/api/staff/insight/${id}/results`);
}
