/**
 * How long a request of the device waits, its answer included, before it gives up: a connection that stalls at
 * a venue is tried again later, instead of leaving a sync, a refresh or an update waiting for ever (a sync
 * then sends less in each request, src/sync/sizing.ts).
 */
export const REQUEST_TIMEOUT_MS = 60_000;

/** `init` with a signal that aborts the request (and the reading of its answer) after `ms`. */
export const timeLimited = (init: RequestInit = {}, ms = REQUEST_TIMEOUT_MS): RequestInit => ({ ...init, signal: AbortSignal.timeout(ms) });
