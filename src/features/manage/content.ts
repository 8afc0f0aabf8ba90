/** The builder's draft: engagement content plus organiser extras. */

import type { EngagementContent, Question, QuestionType } from '../../shared/engagement';
import { LOCALE_INFO, type Locale } from '../../shared/locales';
import { signal } from '../../shared/signal';
import { api } from './api';

export interface Draft extends EngagementContent {
  opensOn?: string;
  closesOn?: string;
  monitoring?: string[];
  rateCard?: unknown;
  paymentOptions?: unknown;
}

export interface Version {
  id: string;
  version: number;
  publishedAt: string;
  bundles: number;
}

export interface Loaded {
  id: string;
  slug: string;
  status: string;
  content: Draft;
  /** pictures and clips the server lacks (they block publishing) */
  absent: string[];
  draftUpdatedAt: string | null;
  versions: Version[];
}

export const current = signal<Loaded | null>(null);
/** true when the content has changes not yet saved as the draft */
export const dirty = signal(false);
/** counts edits, so a save knows whether more came while it was in flight */
export const edits = signal(0);

export async function reload(id: string): Promise<void> {
  current.value = await api<Loaded>('GET', `/api/staff/engagements/${id}`);
  dirty.value = false;
}

export async function saveDraft(): Promise<void> {
  const c = current.value;
  if (!c) return;
  const at = edits.value;
  const saved = await api<{ updatedAt: string }>('PUT', `/api/staff/engagements/${c.id}/draft`, { content: c.content });
  if (current.value?.id === c.id) current.value = { ...current.value, draftUpdatedAt: saved.updatedAt };
  if (edits.value === at) dirty.value = false;
}

export function update(fn: (d: Draft) => Draft): void {
  const c = current.value;
  if (!c) return;
  current.value = { ...c, content: fn(c.content) };
  dirty.value = true;
  edits.value++;
}

export function updateQuestion(id: string, fn: (q: Question) => Question): void {
  update((d) => ({ ...d, questions: d.questions.map((q) => (q.id === id ? fn(q) : q)) }));
}

export const localeName = (l: string) => LOCALE_INFO[l as Locale]?.name ?? l;
export const localeDir = (l: string) => LOCALE_INFO[l as Locale]?.dir ?? 'ltr';

export const TYPE_NAMES: Record<QuestionType, string> = {
  single: 'Choose one',
  multiple: 'Choose several',
  text: 'Free text',
  faces: 'Faces (how do you feel)',
  yesno: 'Yes / no / not sure',
  priorities: 'Priorities (share out tokens)',
  voice: 'Voice recording',
};
export const hasOptions = (t: QuestionType) => t === 'single' || t === 'multiple' || t === 'priorities';

export const MONITORING_SET = [
  { id: 'age', label: 'Age group' },
  { id: 'sex', label: 'Sex' },
  { id: 'gender', label: 'Gender identity' },
  { id: 'ethnicity', label: 'Ethnic group' },
  { id: 'disability', label: 'Disability or long-term condition' },
  { id: 'religion', label: 'Religion or belief' },
  { id: 'sexuality', label: 'Sexual orientation' },
  { id: 'carer', label: 'Caring responsibilities' },
];

export function newQuestionId(d: Draft): string {
  let n = d.questions.length + 1;
  while (d.questions.some((q) => q.id === `q${n}`)) n++;
  return `q${n}`;
}

/** Puts a copy of question `q` right after it, with a new id (a deep copy: editing one leaves the other); its id. */
export function duplicate(q: Question): string {
  let id = '';
  update((d) => {
    id = newQuestionId(d);
    const list = [...d.questions];
    list.splice(list.findIndex((x) => x.id === q.id) + 1, 0, { ...structuredClone(q), id });
    return { ...d, questions: list };
  });
  return id;
}
