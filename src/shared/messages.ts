/** Typed messages between the page and the service worker. */
export type PageToWorker = { type: 'SKIP_WAITING' };
export type WorkerToPage = { type: 'SYNC' };
