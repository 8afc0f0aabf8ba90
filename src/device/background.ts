// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The device's own network work that nobody waits on: sync runs and the engagement refresh. Applying an app
 * update holds it. Chromium activates a waiting service worker only once the old one has stopped, and it
 * stops the old one as soon as that is idle; a request from the page in that moment (a sync retry, a refresh
 * fetching its files) starts the old worker again and nothing asks it to stop: "Update now" then waits until
 * the browser gives up on the old worker, up to five minutes.
 */

let held = false;
const running = new Set<Promise<unknown>>();

/** Runs `work`, or while background work is held resolves `whenHeld` without starting it. */
export function inBackground<T>(work: () => Promise<T>, whenHeld: T): Promise<T> {
  if (held) return Promise.resolve(whenHeld);
  const p = work();
  running.add(p);
  const forget = () => running.delete(p);
  p.then(forget, forget);
  return p;
}

/** Whether background work is held: a sync run under way stops after the batches on the wire. */
export const isHeld = (): boolean => held;

/** Starts no more background work and resolves once what was under way has ended, however it ended. */
export async function holdBackground(): Promise<void> {
  held = true;
  while (running.size > 0) await Promise.allSettled([...running]);
}

/** Background work may start again (an update that could not be applied). */
export function releaseBackground(): void {
  held = false;
}
