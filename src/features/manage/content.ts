/** The builder's draft: engagement content plus organiser extras, and the completeness check. */
import { signal } from '@preact/signals';
import type { EngagementContent, Question, QuestionType, Text } from '../../shared/engagement';
import { LOCALE_INFO, type Locale } from '../../shared/locales';
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
  draftUpdatedAt: string | null;
  versions: Version[];
}

export const current = signal<Loaded | null>(null);
/** true when the content has changes not yet saved as the draft */
export const dirty = signal(false);

export async function reload(id: string): Promise<void> {
  current.value = await api<Loaded>('GET', `/api/staff/engagements/${id}`);
  dirty.value = false;
}

export async function saveDraft(): Promise<void> {
  const c = current.value;
  if (!c) return;
  await api('PUT', `/api/staff/engagements/${c.id}/draft`, { content: c.content });
  dirty.value = false;
}

export function update(fn: (d: Draft) => Draft): void {
  const c = current.value;
  if (!c) return;
  current.value = { ...c, content: fn(c.content) };
  dirty.value = true;
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

export interface Gap {
  where: string;
  locale: string;
  missing: 'wording' | 'easy read';
}

/** Every participant-facing text, named for people. */
export function texts(d: Draft): { where: string; text: Text | undefined; needsEasy: boolean }[] {
  const out: { where: string; text: Text | undefined; needsEasy: boolean }[] = [
    { where: 'Title', text: d.title, needsEasy: true },
    { where: 'What it is about', text: d.purpose, needsEasy: true },
    { where: 'Privacy notice', text: d.privacy, needsEasy: true },
  ];
  d.questions.forEach((q, i) => {
    out.push({ where: `Question ${i + 1}`, text: q.title, needsEasy: true });
    if (q.hint && Object.keys(q.hint).length) out.push({ where: `Question ${i + 1} hint`, text: q.hint, needsEasy: true });
    if (q.picture) out.push({ where: `Question ${i + 1} picture description`, text: q.picture.alt, needsEasy: false });
    (q.options ?? []).forEach((o, j) => {
      out.push({ where: `Question ${i + 1}, option ${j + 1}`, text: o.label, needsEasy: true });
      if (o.picture) out.push({ where: `Question ${i + 1}, option ${j + 1} picture description`, text: o.picture.alt, needsEasy: false });
    });
  });
  return out;
}

/** Which texts lack which language, or its easy-read version. */
export function completeness(d: Draft): Gap[] {
  const gaps: Gap[] = [];
  for (const { where, text, needsEasy } of texts(d)) {
    for (const l of d.locales) {
      const t = text?.[l];
      if (!t?.standard?.trim()) gaps.push({ where, locale: l, missing: 'wording' });
      else if (needsEasy && !t.easy?.trim()) gaps.push({ where, locale: l, missing: 'easy read' });
    }
  }
  return gaps;
}

export function newQuestionId(d: Draft): string {
  let n = d.questions.length + 1;
  while (d.questions.some((q) => q.id === `q${n}`)) n++;
  return `q${n}`;
}
