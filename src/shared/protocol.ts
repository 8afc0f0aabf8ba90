/** The sync wire protocol between devices and the server (DESIGN.md, sync protocol). */
import * as v from 'valibot';

export const SYNC_LIMITS = {
  /** items in one batch */
  maxItems: 1000,
  /** bytes of one request body */
  maxBatchBytes: 8 * 1024 * 1024,
  /** bytes of one sealed bundle (its attachments travel beside it: see `inline` below) */
  maxEnvelopeBytes: 512 * 1024,
  /** attachments per bundle */
  maxAttachments: 50,
  /** bytes of one sealed attachment */
  maxAttachmentBytes: 20 * 1024 * 1024,
  /** most bytes in one attachment chunk (a device may send smaller ones); an attachment no larger travels in its batch */
  chunkBytes: 1024 * 1024,
  /** attachments inside one batch (the rest of its bundles' go in chunks) */
  maxInline: 500,
} as const;

export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

const B64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const B64Url = v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]+$/));

export const EnvelopeSchema = v.strictObject({
  v: v.literal(1),
  alg: v.literal('ECDH-ES+A256KW/A256GCM'),
  epk: v.strictObject({ kty: v.literal('EC'), crv: v.literal('P-256'), x: B64Url, y: B64Url }),
  wk: B64(64),
  iv: B64(24),
  ct: B64(Math.ceil((SYNC_LIMITS.maxEnvelopeBytes * 4) / 3) + 4),
});

export const SyncItemSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  engagementVersionId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  envelope: EnvelopeSchema,
  /** sha256 of each sealed attachment the bundle needs; they must have arrived before the bundle */
  attachments: v.optional(v.pipe(v.array(Sha256Hex), v.maxLength(SYNC_LIMITS.maxAttachments))),
});
export type SyncItem = v.InferOutput<typeof SyncItemSchema>;

/** An attachment that travels inside its batch's request (shared/batch-frame.ts): at most one chunk. */
export const InlineAttachmentSchema = v.strictObject({
  sha256: Sha256Hex,
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SYNC_LIMITS.chunkBytes)),
});
export type InlineAttachment = v.InferOutput<typeof InlineAttachmentSchema>;

export const SyncBatchSchema = v.strictObject({
  /** how many bundles wait on the device, including this batch; staff see what is left once it is answered */
  queueSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
  items: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(SYNC_LIMITS.maxItems)),
  /** attachments whose bytes follow the JSON in a framed body, in this order (only in a framed body) */
  inline: v.optional(
    v.pipe(
      v.array(InlineAttachmentSchema),
      v.maxLength(SYNC_LIMITS.maxInline),
      v.check((list) => new Set(list.map((a) => a.sha256)).size === list.length, 'An attachment is listed twice.'),
      v.check((list) => list.reduce((sum, a) => sum + a.size, 0) <= SYNC_LIMITS.maxBatchBytes, 'The attachments are larger than a batch.'),
    ),
  ),
});
export type SyncBatch = v.InferOutput<typeof SyncBatchSchema>;

/** `retry`: not taken yet (its attachments have not all arrived); the device keeps it and tries again. */
export const ItemStatusSchema = v.picklist(['stored', 'duplicate', 'conflict', 'rejected', 'retry']);
export type ItemStatus = v.InferOutput<typeof ItemStatusSchema>;

export const ItemResultSchema = v.object({
  id: v.string(),
  status: ItemStatusSchema,
  /** for conflict and rejected: a reason a facilitator can read */
  reason: v.optional(v.string()),
});
export type ItemResult = v.InferOutput<typeof ItemResultSchema>;

export const SyncBatchResponseSchema = v.object({ results: v.array(ItemResultSchema), serverTime: v.string() });
export type SyncBatchResponse = v.InferOutput<typeof SyncBatchResponseSchema>;

/** Every 4xx and 5xx answer of the API: a code for programs and a sentence for people. */
export const ApiErrorSchema = v.object({ error: v.string(), message: v.string() });
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;

/** The server's answer about one attachment upload: how many bytes it holds, and whether it is whole. */
export const AttachmentStateSchema = v.object({ sha256: v.string(), received: v.number(), complete: v.boolean() });
export type AttachmentState = v.InferOutput<typeof AttachmentStateSchema>;

/**
 * A facilitator's export of bundles that need attention, still sealed, for staff to import on the server
 * (`npm run cli -- import <file>`). Attachments travel inside it as base64 of their sealed bytes.
 */
export const ExportFileSchema = v.strictObject({
  format: v.literal('blether-export/v1'),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  deviceId: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  deviceName: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  bundles: v.array(
    v.object({
      item: v.unknown(),
      createdAt: v.string(),
      status: v.optional(v.string()),
      reason: v.optional(v.string()),
    }),
  ),
  attachments: v.record(Sha256Hex, v.string()),
});
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

const PenceField = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const Instant = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());

/** A closed session, as the facilitator's device reports it after its bundles (DESIGN.md Session). */
export const SessionReportSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  engagementSlug: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  venue: v.pipe(v.string(), v.maxLength(200)),
  area: v.pipe(v.string(), v.maxLength(20)),
  date: v.pipe(v.string(), v.isoDate()),
  timeZone: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  openedAt: Instant,
  closedAt: Instant,
  attendance: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
  notes: v.pipe(v.string(), v.maxLength(5000)),
  floatIssued: PenceField,
  floatPaidOut: PenceField,
  floatReturned: v.nullable(PenceField),
});
export type SessionReport = v.InferOutput<typeof SessionReportSchema>;

export const SessionReportsSchema = v.strictObject({
  sessions: v.pipe(v.array(SessionReportSchema), v.minLength(1), v.maxLength(100)),
});

/** A reported session as finance sees it, with the float the facilitator recorded on the device. */
export interface SessionSummary {
  id: string;
  engagementSlug: string;
  venue: string;
  area: string;
  date: string;
  closedAt: string;
  attendance: number | null;
  notes: string;
  device: string;
  /** the float as the facilitator recorded it on the device */
  reported: { issuedPence: number; paidOutPence: number; returnedPence: number | null };
  /** finance has recorded what came back, and whether it is reconciled */
  recorded: boolean;
  reconciledAt: string | null;
}
