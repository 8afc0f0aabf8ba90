/**
 * The hand-over's draft: everything the participant has given so far (step, answers, voice clips, contact,
 * monitoring, language, format, display settings, a claim in progress with its receipt photos), sealed
 * under the device-local key (src/db/drafts.ts) with the hand-over's id. A reload restores it into the same
 * hand-over only. Bank details are never written: after a reload the claim asks for them again.
 */

import { type Display, display } from '../a11y/display';
import { getDraft, saveDraft } from '../db/drafts';
import { format, locale, setLocale } from '../i18n/index';
import type { Answer, Contact, Monitoring } from '../shared/bundle';
import type { Format } from '../shared/locales';
import { effect, signal } from '../shared/signal';
import type { HandOverKind } from './handover';
import {
  answers,
  type ClaimProgress,
  claim,
  claimAnswered,
  consent,
  contact,
  monitoring,
  pending,
  type Recording,
  recordings,
  returnToCheck,
  type Step,
  startedAt,
  step,
} from './participant';

export interface HandOverDraft {
  slug: string;
  kind: HandOverKind | 'paper';
  defaultLocale: string;
  step: Step;
  answers: Record<string, Answer>;
  recordings: Record<string, Recording>;
  contact: Contact | null;
  monitoring: Monitoring | null;
  consent: boolean;
  startedAt: string | null;
  returnToCheck: boolean;
  locale: string;
  format: Format;
  display: Display;
  claim: ClaimProgress | null;
  claimAnswered: boolean;
  pending: Record<string, unknown>;
}

/** The claim without bank details; a claim that had them goes back to the payment page, which asks again. */
function withoutBank(c: ClaimProgress | null): ClaimProgress | null {
  if (c?.draft.payment?.method !== 'bank') return c;
  const { payment: _bank, ...draft } = c.draft;
  const past = c.done || c.page.kind === 'payment' || c.page.kind === 'declare';
  return { ...c, draft, ...(past ? { page: { kind: 'payment' }, done: false, bankAgain: true } : {}) };
}

export interface Owner {
  id: string;
  slug: string;
  kind: HandOverKind | 'paper';
  defaultLocale: string;
}

function snapshot(h: Owner): HandOverDraft {
  const s = step.value;
  // once sealed, the answers are no longer the device's to read: only the Done page comes back
  const sealed = s.kind === 'done';
  const c = withoutBank(claim.value);
  return {
    slug: h.slug,
    kind: h.kind,
    defaultLocale: h.defaultLocale,
    step: s.kind === 'claim' && c?.bankAgain ? { kind: 'claim' } : s,
    answers: sealed ? {} : answers.value,
    recordings: sealed ? {} : recordings.value,
    contact: sealed ? null : contact.value,
    monitoring: sealed ? null : monitoring.value,
    consent: consent.value,
    startedAt: startedAt.value,
    returnToCheck: returnToCheck.value,
    locale: locale.value,
    format: format.value,
    display: display.value,
    claim: sealed ? null : c,
    claimAnswered: claimAnswered.value,
    pending: sealed ? {} : pending.value,
  };
}

/** A reload after the claim was complete with bank details: back to the claim, to ask for them again. */
function resumeStep(d: HandOverDraft): Step {
  if (d.claim?.bankAgain && (d.step.kind === 'check' || d.step.kind === 'claim')) return { kind: 'claim' };
  return d.step;
}

export async function restoreDraft(d: HandOverDraft): Promise<void> {
  answers.value = d.answers;
  recordings.value = d.recordings;
  contact.value = d.contact;
  monitoring.value = d.monitoring;
  consent.value = d.consent;
  startedAt.value = d.startedAt;
  returnToCheck.value = d.returnToCheck;
  format.value = d.format;
  display.value = d.display;
  claim.value = d.claim;
  claimAnswered.value = d.claimAnswered;
  pending.value = d.pending ?? {};
  await setLocale(d.locale);
  step.value = resumeStep(d);
}

export function loadDraft(id: string): Promise<HandOverDraft | null> {
  return getDraft<HandOverDraft>(id);
}

/** Something was given (past the start page): worth offering back to the facilitator. */
export function hasContent(d: HandOverDraft): boolean {
  return d.step.kind !== 'start' && d.step.kind !== 'done';
}

let running: { id: string; stop: (save: boolean) => Promise<void> } | null = null;

/**
 * Whether everything given so far is in the draft, mirrored on <html data-draft="saved|saving">: a test waits
 * for it before a reload (a person is never that quick), and nothing shows it to participants.
 */
export const draftSaved = signal(true);
const markSaved = (saved: boolean) => {
  draftSaved.value = saved;
  globalThis.document?.documentElement.setAttribute?.('data-draft', saved ? 'saved' : 'saving');
};

/**
 * Mirrors the participant's state into the owner's draft while its page is on screen, at once: one write at
 * a time, the newest state next, so typing fast coalesces. One owner at a time: the hand-over stops it
 * (without saving) before it deletes the draft, so nothing lands under an ended hand-over.
 */
export function startAutosave(owner: Owner): void {
  void stopAutosave(true);
  let latest: HandOverDraft | null = null;
  let writing: Promise<void> | null = null;
  const pump = async () => {
    while (latest) {
      const value = latest;
      latest = null;
      await saveDraft(owner.id, owner.slug, value).catch(() => {});
    }
  };
  const save = () => {
    if (writing || !latest) return;
    markSaved(false);
    writing = pump().finally(() => {
      writing = null;
      markSaved(true);
    });
  };
  const stopEffect = effect(() => {
    latest = snapshot(owner);
    save();
  });
  running = {
    id: owner.id,
    stop: (keep) => {
      stopEffect();
      if (!keep) latest = null;
      return writing ?? Promise.resolve();
    },
  };
}

/**
 * Stops the autosave; `save`: write what is pending first. `id`: only if that owner's is running. Resolves
 * once every save already started has landed.
 */
export async function stopAutosave(save: boolean, id?: string): Promise<void> {
  if (!running || (id && running.id !== id)) return;
  const done = running.stop(save);
  running = null;
  await done;
}
