// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The one typed IndexedDB schema of a device. Migrations are switched on oldVersion in open.ts and must
 * never lose an unsynced bundle (DESIGN.md, sync protocol point 9).
 */
import type { DBSchema } from 'idb';
import type { PublishedEngagement } from '../shared/engagement';
import type { Envelope } from '../shared/envelope';

export const DB_NAME = 'blether';
export const DB_VERSION = 3;

export type OutboxState = 'waiting' | 'attention';

/** A finished, sealed bundle waiting to be sent. Nothing here can be read back but metadata. */
export interface OutboxRecord {
  id: string;
  engagementVersionId: string;
  engagementSlug: string;
  /** ISO instant (UTC) */
  createdAt: string;
  state: OutboxState;
  /**
   * the bundle as it goes on the wire (a SyncItem, checked when it was saved), as one JSON string: a page of
   * the queue is read without building an object per bundle, and a batch is posted by joining strings
   */
  item?: string;
  /** the sealed bundle, in records written by earlier versions (which have no `item`) */
  envelope?: Envelope;
  /** bytes of the sealed JSON item, for batching by size */
  size: number;
  /** sha256 of each sealed attachment, in order */
  attachments: string[];
  /** for attention: the server's status and reason for a facilitator (`refused`: an upload the server refused) */
  status?: 'conflict' | 'rejected' | 'refused';
  reason?: string;
  /** for `refused`: when it goes again (ISO instant); the wait doubles with each refusal */
  retryAt?: string;
  attempts: number;
}

/** An attachment's sealed bytes as stored (see AttachmentRecord). */
export type Sealed = Blob | ArrayBuffer;

export interface AttachmentRecord {
  sha256: string;
  bundleId: string;
  type: string;
  /**
   * sealed bytes (AES-GCM under the bundle's content key): a Blob, which Chromium keeps as a file beside its
   * database, so an upload sends slices of it without copying them through the page; records written by
   * earlier versions hold an ArrayBuffer
   */
  bytes: Sealed;
  /** kept for records written by earlier versions; the server is the truth about what arrived */
  uploaded: number;
}

export interface EngagementRecord extends PublishedEngagement {
  downloadedAt: string;
}

/** A participant's unfinished journey, sealed under a device-local non-extractable key; purged after 24 h. */
export interface DraftRecord {
  id: string;
  engagementSlug: string;
  /** ISO instant (UTC) */
  updatedAt: string;
  iv: ArrayBuffer;
  ct: ArrayBuffer;
}

/** A facilitator's session at a venue (opened and closed on the device). */
export interface SessionRecord {
  id: string;
  engagementSlug: string;
  venue: string;
  area: string;
  /** local date of the session, YYYY-MM-DD, in timeZone */
  date: string;
  timeZone: string;
  openedAt: string;
  closedAt: string | null;
  attendance: number | null;
  notes: string;
  /** cash float, integer pence */
  floatIssued: number;
  floatPaidOut: number;
  floatReturned: number | null;
  /** when the server took the closed session's report; absent until then */
  reportedAt?: string;
}

export interface BletherDB extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { byState: OutboxState } };
  attachments: { key: string; value: AttachmentRecord; indexes: { byBundle: string } };
  engagements: { key: string; value: EngagementRecord };
  meta: { key: string; value: unknown };
  drafts: { key: string; value: DraftRecord; indexes: { byUpdated: string } };
  sessions: { key: string; value: SessionRecord; indexes: { byOpened: string } };
}
