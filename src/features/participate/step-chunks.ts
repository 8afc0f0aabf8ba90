/**
 * The journey's steps after Start come in two chunks, each import()ed only when the participant gets near
 * it, so the start page and question 1 fetch nothing they do not show. Offline is safe: the service
 * worker precaches every chunk.
 */
import { signal } from '@preact/signals';
import type { Step } from '../../device/participant';

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

/** Starts loading what `s` shows, and the later steps once the last question is on screen. */
export function loadStepsFor(s: Step, questionCount: number): void {
  if (s.kind === 'start') return;
  if (s.kind === 'about' || s.kind === 'question') void questionSteps.load();
  else void laterSteps.load();
  if (s.kind === 'question' && s.index === questionCount - 1) void laterSteps.load();
}
