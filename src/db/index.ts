import { db } from './open';
import { outboxRepo } from './outbox';

/** The device's outbox, on the one shared database handle. */
export const outbox = outboxRepo(db);
export { StorageFullError } from './outbox';
