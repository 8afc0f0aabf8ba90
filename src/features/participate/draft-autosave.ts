// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * Autosaves the journey in progress as an encrypted draft (src/db/drafts.ts), so a closed tab or a flat
 * battery does not lose a participant's answers. The draft is deleted on Done and on Start again, and
 * purged after 24 hours. Restored only when the journey is at its start with nothing answered.
 */
import { effect } from '@preact/signals';
import { deleteDraft, latestDraft, saveDraft } from '../../db/drafts';
import type { Answer } from '../../shared/bundle';
import { uuid } from '../../shared/ids';
import { answers, claimMade, consent, type Step, startedAt, step } from './state';

interface DraftValue {
  step: Step;
  answers: Record<string, Answer>;
  consent: boolean;
  startedAt: string | null;
  /** only whether a claim was made: the claim itself (bank details) is never put in a draft */
  claimMade?: boolean;
}

/** A claim is never restored, so a journey restored at or after it goes back to the claim question. */
function restoredStep(d: DraftValue): Step {
  const k = d.step.kind;
  return k === 'claim' || (d.claimMade && k === 'check') ? { kind: 'claimAsk' } : d.step;
}

const SAVE_DELAY_MS = 300;

/** Starts autosave for one engagement's journey; returns the stop function. */
export function startDraftAutosave(slug: string): () => void {
  let draftId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ready = false;
  // saves and deletes run one after another, so a slow save can never land after the delete on Done
  let chain: Promise<void> = Promise.resolve();
  const then = (op: () => Promise<void>) => {
    chain = chain.then(op).catch(() => {});
  };
  void latestDraft<DraftValue>(slug).then((d) => {
    if (d && step.value.kind === 'start' && Object.keys(answers.value).length === 0) {
      draftId = d.id;
      answers.value = d.value.answers;
      consent.value = d.value.consent;
      startedAt.value = d.value.startedAt;
      step.value = restoredStep(d.value);
    }
    ready = true;
  });
  const stop = effect(() => {
    const value: DraftValue = {
      step: step.value,
      answers: answers.value,
      consent: consent.value,
      startedAt: startedAt.value,
      claimMade: claimMade.value,
    };
    if (!ready) return;
    clearTimeout(timer);
    const finished = value.step.kind === 'done' || (value.step.kind === 'start' && Object.keys(value.answers).length === 0);
    if (finished) {
      const old = draftId;
      if (old) then(() => deleteDraft(old));
      draftId = null;
      return;
    }
    draftId ??= uuid();
    const id = draftId;
    timer = setTimeout(() => then(() => saveDraft(id, slug, value)), SAVE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
