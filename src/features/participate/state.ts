// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * One participant's journey, held in memory only. Nothing here touches the URL or history, so after
 * Done or Start again the next person cannot go back to it.
 */
import { signal } from '@preact/signals';
import { format, setLocale } from '../../i18n/index';
import type { Answer, Contact, Monitoring } from '../../shared/bundle';
import { resetDisplay } from './display';

export type Step =
  | { kind: 'start' }
  | { kind: 'about' }
  | { kind: 'question'; index: number }
  | { kind: 'contact' }
  | { kind: 'monitoring' }
  /** "do you want to claim back what taking part cost you?", where the engagement offers expenses */
  | { kind: 'claimAsk' }
  | { kind: 'claim' }
  | { kind: 'check' }
  | { kind: 'done'; reference: string };

export interface Recording {
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export const step = signal<Step>({ kind: 'start' });
export const answers = signal<Record<string, Answer>>({});
/** voice answers by question id, until finishBundle seals them as attachments */
export const recordings = signal<Record<string, Recording>>({});
export const contact = signal<Contact | null>(null);
export const monitoring = signal<Monitoring | null>(null);
export const consent = signal(false);
/** set by a Change link on the check page: Continue then goes back to check */
export const returnToCheck = signal(false);
export const startedAt = signal<string | null>(null);
/**
 * Whether this participant made a claim: only the yes/no, for the draft. The claim itself (with any bank
 * details) is held in the Journey's component state and sealed on Send, never put in a draft.
 */
export const claimMade = signal(false);

export function go(next: Step): void {
  step.value = next;
}

/**
 * After a question, contact, monitoring or the claim question: the next page, or back to check answers
 * after a Change. `claim`: the engagement offers expenses, so monitoring is followed by the claim question.
 */
export function goOnFrom(
  current: 'question' | 'contact' | 'monitoring' | 'claim',
  { index = 0, total = 0, claim = false }: { index?: number; total?: number; claim?: boolean } = {},
): void {
  if (returnToCheck.value) {
    returnToCheck.value = false;
    go({ kind: 'check' });
  } else if (current === 'question' && index + 1 < total) go({ kind: 'question', index: index + 1 });
  else if (current === 'question') go({ kind: 'contact' });
  else if (current === 'contact') go({ kind: 'monitoring' });
  else if (current === 'monitoring' && claim) go({ kind: 'claimAsk' });
  else go({ kind: 'check' });
}

export function setAnswer(questionId: string, answer: Answer): void {
  answers.value = { ...answers.value, [questionId]: answer };
}

/** Whether a participant is part-way through (the app then never applies an update). */
export function inJourney(): boolean {
  const s = step.value.kind;
  return s !== 'start' && s !== 'done';
}

/** Forget everything about the participant: answers, recordings, contact, choices and display settings. */
export async function resetParticipant(defaultLocale: string): Promise<void> {
  answers.value = {};
  recordings.value = {};
  contact.value = null;
  monitoring.value = null;
  consent.value = false;
  returnToCheck.value = false;
  startedAt.value = null;
  claimMade.value = false;
  format.value = 'standard';
  resetDisplay();
  await setLocale(defaultLocale);
  step.value = { kind: 'start' };
}
