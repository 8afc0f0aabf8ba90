/**
 * The journey's steps after Start come in two chunks, each import()ed only when the participant gets near
 * it, so the start page and question 1 fetch nothing they do not show. Offline is safe: the service
 * worker precaches every chunk.
 */

import type { Step } from '../../device/participant';
import type { Question } from '../../shared/engagement';
import { signal } from '../../shared/signal';

function chunk<T>(load: () => Promise<T>) {
  const mod = signal<T | null>(null);
  let loading: Promise<void> | null = null;
  return {
    mod,
    load: () => {
      loading ??= load().then((m) => {
        mod.value = m;
      });
      return loading;
    },
  };
}

export const questionSteps = chunk(() => import('./steps/questions'));
export const laterSteps = chunk(() => import('./steps/later'));
/** the inputs only some questions have (priorities, voice), loaded a question ahead */
export const richInputs = chunk(() => import('./inputs/rich'));

const isRich = (q: Question | undefined) => q?.type === 'priorities' || q?.type === 'voice';

/** Starts loading what `s` shows (and what the next question needs), the later steps once the last question is on screen. */
export function loadStepsFor(s: Step, questions: Question[]): void {
  if (s.kind === 'start') return;
  if (s.kind === 'about' || s.kind === 'question') void questionSteps.load();
  else void laterSteps.load();
  const at = s.kind === 'about' ? -1 : s.kind === 'question' ? s.index : questions.length;
  if (isRich(questions[at]) || isRich(questions[at + 1])) void richInputs.load();
  if (s.kind === 'question' && s.index === questions.length - 1) void laterSteps.load();
}
