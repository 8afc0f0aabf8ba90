/**
 * Display options for this participant only: text size, high contrast, easier spacing, read aloud.
 * They live as classes on <html> (so rem-based sizes scale everything) and reset with the participant.
 */
import { effect, signal } from '../shared/signal';

export type TextSize = 100 | 150 | 200;
export interface Display {
  textSize: TextSize;
  contrast: boolean;
  spacing: boolean;
  readAloud: boolean;
}

const DEFAULT: Display = { textSize: 100, contrast: false, spacing: false, readAloud: false };
export const display = signal<Display>(DEFAULT);

export function setDisplay(patch: Partial<Display>): void {
  display.value = { ...display.value, ...patch };
}

export function resetDisplay(): void {
  display.value = DEFAULT;
}

/** Mirrors the options onto <html> while the journey is on screen; returns the cleanup. */
export function applyDisplay(): () => void {
  const root = document.documentElement;
  const stop = effect(() => {
    const d = display.value;
    root.classList.toggle('text-150', d.textSize === 150);
    root.classList.toggle('text-200', d.textSize === 200);
    root.classList.toggle('contrast', d.contrast);
    root.classList.toggle('spacing', d.spacing);
  });
  return () => {
    stop();
    root.classList.remove('text-150', 'text-200', 'contrast', 'spacing');
  };
}
