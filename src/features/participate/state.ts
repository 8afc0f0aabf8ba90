/**
 * One participant's journey, held in memory only. Nothing here touches the URL or history, so after
 * Done or Start again the next person cannot go back to it.
 */
import { signal } from '@preact/signals';
import { format, setLocale } from '../../i18n/index';
import type { Answer } from '../../shared/bundle';

export type Step =
  | { kind: 'start' }
  | { kind: 'about' }
  | { kind: 'question'; index: number }
  | { kind: 'check' }
  | { kind: 'done'; reference: string };

export const step = signal<Step>({ kind: 'start' });
export const answers = signal<Record<string, Answer>>({});
export const consent = signal(false);
/** set by a Change link on the check page: Continue then goes back to check */
export const returnToCheck = signal(false);
export const startedAt = signal<string | null>(null);

export function go(next: Step): void {
  step.value = next;
}

export function setAnswer(questionId: string, answer: Answer): void {
  answers.value = { ...answers.value, [questionId]: answer };
}

/** Whether a participant is part-way through (the app then never applies an update). */
export function inJourney(): boolean {
  const s = step.value.kind;
  return s === 'about' || s === 'question' || s === 'check';
}

/** Forget everything about the participant: answers, choices and display settings. */
export async function resetParticipant(defaultLocale: string): Promise<void> {
  answers.value = {};
  consent.value = false;
  returnToCheck.value = false;
  startedAt.value = null;
  format.value = 'standard';
  await setLocale(defaultLocale);
  step.value = { kind: 'start' };
}
