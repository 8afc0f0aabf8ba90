// This module is in the first load: keep it small, and import() what the first screen does not need.
import { signal } from '../shared/signal';

/** The text of the app's polite live region (rendered once by the shell). */
export const announcement = signal('');

export function announce(text: string): void {
  // clear first so the same message twice is still read out
  announcement.value = '';
  setTimeout(() => {
    announcement.value = text;
  }, 50);
}
