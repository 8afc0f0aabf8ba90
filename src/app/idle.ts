// This module is in the first load: keep it small, and import() what the first screen does not need.
/** Runs `work` once the browser is idle after the first screen, so what that screen does not need waits. */
export function whenIdle(work: () => void): void {
  // Safari has no requestIdleCallback: a short timeout lets the first paint go first all the same
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2_000 });
  else setTimeout(work, 200);
}
