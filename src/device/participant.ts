/**
 * What one participant has given during their hand-over, in memory. Nothing here touches the URL or
 * history, so after Done or Start again the next person cannot go back to it. The hand-over's encrypted
 * draft (src/device/draft.ts) mirrors it, so a reload restores it.
 */

import { useState } from 'preact/hooks';
import { resetDisplay } from '../a11y/display';
import { announcement } from '../a11y/live';
import { format, setLocale } from '../i18n/index';
import type { Answer, Contact, Monitoring } from '../shared/bundle';
import type { Claim, ClaimLine, Payment, TimeChoice } from '../shared/claims';
import type { Category } from '../shared/ratecard';
import { signal } from '../shared/signal';

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
/** A receipt photo, shrunk on the device (features/expenses/photo.ts). */
export interface Receipt {
  bytes: Uint8Array<ArrayBuffer>;
  type: string;
  sha256: string;
  width: number;
  height: number;
}

export interface DraftLine {
  line: ClaimLine;
  receipt?: Receipt;
}

export interface ClaimDraft {
  lines: DraftLine[];
  time?: { choice: TimeChoice; amountPence: number };
  payment?: Payment;
}

/** Which page of the claim flow is showing. */
export type ClaimPage =
  | { kind: 'list' }
  | { kind: 'category' }
  | { kind: 'line'; category: Category }
  | { kind: 'time' }
  | { kind: 'payment' }
  | { kind: 'declare' };

/**
 * A claim being made, from its first cost to the declaration. Kept in the hand-over's draft without bank
 * details: after a reload they are asked again (`bankAgain`).
 */
export interface ClaimProgress {
  page: ClaimPage;
  draft: ClaimDraft;
  declaration?: Claim['declaration'];
  /** the participant finished the claim flow (declared); Check then shows it */
  done: boolean;
  bankAgain?: boolean;
}

/** null: no claim (not asked yet, or the participant said no) */
export const claim = signal<ClaimProgress | null>(null);
/** Whether the participant answered the claim question (yes or no), so Check knows where Change goes. */
export const claimAnswered = signal(false);

/**
 * What is on the page now but not yet confirmed with Continue (a choice, typed words, a photo picked), by
 * page: kept in the hand-over's draft, so a reload (or a camera app that reloads the page) keeps the screen.
 */
export const pending = signal<Record<string, unknown>>({});

/** `useState` for a field of the hand-over's page, kept in `pending` under `key` until `settle(key)`. */
export function usePending<T>(key: string, initial: T | (() => T)): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() =>
    key in pending.value ? (pending.value[key] as T) : typeof initial === 'function' ? (initial as () => T)() : initial,
  );
  const set = (next: T) => {
    setValue(next);
    pending.value = { ...pending.value, [key]: next };
  };
  return [value, set];
}

/** The page was confirmed (or left): what was pending under these keys is no longer needed. */
export function settle(...keys: string[]): void {
  const { ...rest } = pending.value;
  for (const k of keys) delete rest[k];
  pending.value = rest;
}

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
  claim.value = null;
  claimAnswered.value = false;
  pending.value = {};
  format.value = 'standard';
  resetDisplay();
  announcement.value = '';
  await setLocale(defaultLocale);
  step.value = { kind: 'start' };
}
