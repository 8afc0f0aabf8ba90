/**
 * The draft saves itself on the server a moment after each edit. Leaving with changes not yet saved asks
 * first: closing or reloading the tab (beforeunload), and a link to anywhere outside this engagement (the
 * save is tried first; only when it fails does the organiser choose).
 */

import { useEffect } from 'preact/hooks';
import { signal } from '../../shared/signal';
import { problemOf } from './api';
import { current, dirty, edits, saveDraft } from './content';

const DELAY_MS = 1000;
/** null: nothing in flight and nothing refused; otherwise the server's reason for the last refusal */
export const saveProblem = signal<string | null>(null);
export const saving = signal(false);
let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<boolean> | null = null;

/** Saves now (waiting for a save in flight first); true when every edit is on the server. */
export async function flush(): Promise<boolean> {
  clearTimeout(timer);
  if (running) await running;
  if (!dirty.value) return true;
  saving.value = true;
  running = saveDraft()
    .then(() => {
      saveProblem.value = null;
      return true;
    })
    .catch((e) => {
      saveProblem.value = problemOf(e);
      return false;
    })
    .finally(() => {
      saving.value = false;
      running = null;
    });
  const ok = await running;
  // edits made while that save was in flight go in the next one
  if (ok && dirty.value) schedule();
  return ok && !dirty.value;
}

export function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), DELAY_MS);
}

/** What the status line says. */
export function saveStatus(): string {
  if (saveProblem.value && dirty.value) return `Not saved: ${saveProblem.value}`;
  if (saving.value || dirty.value) return 'Saving…';
  return current.value?.draftUpdatedAt || edits.value > 0 ? 'Saved' : 'No changes yet';
}

/** While the builder shows engagement `id`: autosave on edit, and the guards on leaving. */
export function useAutosave(id: string): void {
  useEffect(() => edits.subscribe((n) => n > 0 && dirty.value && schedule()), []);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.value) return;
      void flush();
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a');
      if (!dirty.value || !a || a.origin !== location.origin || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (a.pathname === `/staff/engagements/${id}` || a.pathname.startsWith(`/staff/engagements/${id}/`)) return;
      // stop the router until the save is done, then follow the link the same way
      e.preventDefault();
      e.stopPropagation();
      void flush().then((ok) => {
        const leave = ok || confirm(`Your changes are not saved (${saveProblem.value}). Leave and lose them?`);
        if (!leave) return;
        dirty.value = false;
        a.click();
        // the edits given up are not shown again when the organiser comes back
        if (!ok) current.value = null;
      });
    };
    addEventListener('beforeunload', onUnload);
    addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', onUnload);
      removeEventListener('click', onClick, true);
    };
  }, [id]);
}
