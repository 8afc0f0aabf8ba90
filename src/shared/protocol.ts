/** The sync wire protocol between devices and the server (DESIGN.md, sync protocol). */
import * as v from 'valibot';

export const SYNC_LIMITS = {
  /** items in one batch */
  maxItems: 200,
  /** bytes of one request body */
  maxBatchBytes: 4 * 1024 * 1024,
  /** bytes of one sealed bundle (attachments travel separately) */
  maxEnvelopeBytes: 512 * 1024,
} as const;

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
});
export type SyncItem = v.InferOutput<typeof SyncItemSchema>;

export const SyncBatchSchema = v.strictObject({
  /** how many bundles wait on the device, including this batch (shown to staff on the device list) */
  queueSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
  items: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(SYNC_LIMITS.maxItems)),
});

export type ItemStatus = 'stored' | 'duplicate' | 'conflict' | 'rejected';

export interface ItemResult {
  id: string;
  status: ItemStatus;
  /** for conflict and rejected: a reason a facilitator can read */
  reason?: string;
}

export interface SyncBatchResponse {
  results: ItemResult[];
  serverTime: string;
}

export interface ApiError {
  error: string;
  message: string;
}
