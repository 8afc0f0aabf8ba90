/**
 * Reading outbox records of every version the same way: a bundle's wire item, an attachment's sealed bytes.
 * Not in the first load (schema.ts is): only sending, exporting and the staff web's paper form need these.
 */
import type { SyncItem } from '../shared/protocol';
import type { OutboxRecord, Sealed } from './schema';

/** How many bytes an attachment's sealed bytes are. */
export const sealedSize = (b: Sealed): number => (b instanceof Blob ? b.size : b.byteLength);

/** An attachment's sealed bytes in memory (for an export file; an upload sends slices of the Blob instead). */
export const sealedBytes = async (b: Sealed): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(b instanceof Blob ? await b.arrayBuffer() : b);

/** A waiting bundle's SyncItem as JSON, however old its record is. */
export function wireItem(r: OutboxRecord): string {
  if (r.item !== undefined) return r.item;
  const { id, engagementVersionId, envelope, attachments } = r;
  return JSON.stringify({ id, engagementVersionId, envelope, ...(attachments.length > 0 ? { attachments } : {}) });
}

/** A waiting bundle's SyncItem (for an export file, or the staff web's paper form). */
export const syncItemOf = (r: OutboxRecord): SyncItem => JSON.parse(wireItem(r)) as SyncItem;
