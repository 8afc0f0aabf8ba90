/**
 * Opening one inbox row: decrypt its envelope with its version's private key and check the payload with
 * the shared schema. Synchronous and free of the database, so the opener's worker threads run it as is
 * and the main thread runs the very same code when there is no pool.
 */
import { type ECDH, KeyObject } from 'node:crypto';
import * as v from 'valibot';
import { type BundlePayload, BundlePayloadSchema } from '../../shared/bundle';
import type { Envelope } from '../../shared/envelope';
import type { DB } from '../db/schema';
import type { VersionKeys } from './engagements';
import type { InboxRow } from './ingest';
import { agreement, openEnvelope } from './open-envelope';
import { REASONS } from './reasons';

export type Outcome = { id: string; row: DB['bundles']; payload: BundlePayload } | { id: string; reason: string };
/** Each version's private key as node:crypto uses it (null: the server does not know the version). */
export type KeyMap = Map<string, KeyObject | null>;

const asKeyObject = new WeakMap<CryptoKey, KeyObject>();

/** The private keys of the versions these rows were sealed for (a failed key lookup throws: retried later). */
export async function keysFor(rows: InboxRow[], keys: VersionKeys): Promise<KeyMap> {
  const map: KeyMap = new Map();
  for (const id of new Set(rows.map((r) => r.engagement_version_id))) {
    const key = await keys.get(id);
    if (key && !asKeyObject.has(key)) asKeyObject.set(key, KeyObject.from(key));
    map.set(id, key ? (asKeyObject.get(key) ?? null) : null);
  }
  return map;
}

export function decryptWith(r: InboxRow, key: ECDH | null | undefined): { plaintext: Uint8Array } | { reason: string } {
  if (!key) return { reason: REASONS.unknownVersion };
  try {
    return { plaintext: openEnvelope(JSON.parse(r.envelope_json) as Envelope, key, r.id, r.engagement_version_id) };
  } catch {
    return { reason: REASONS.unreadable };
  }
}

/** Decrypts one inbox row's envelope with its version's private key: the plaintext, or why not. */
export async function decryptRow(r: InboxRow, keys: VersionKeys): Promise<{ plaintext: Uint8Array } | { reason: string }> {
  const key = (await keysFor([r], keys)).get(r.engagement_version_id);
  return decryptWith(r, key ? agreement(key) : null);
}

/**
 * The opener's check of a payload against its inbox row, with the shared schema the device checked before
 * sealing; a staff member's repaired payload goes through this same check.
 */
export function checkPayload(r: InboxRow, json: unknown): Outcome {
  const result = v.safeParse(BundlePayloadSchema, json);
  if (!result.success) return { id: r.id, reason: REASONS.invalidContent };
  const payload = result.output;
  if (payload.id !== r.id || payload.engagementVersionId !== r.engagement_version_id) return { id: r.id, reason: REASONS.invalidContent };
  const declared = JSON.parse(r.attachments_json) as string[];
  if (payload.attachments.map((a) => a.sha256).join() !== declared.join()) return { id: r.id, reason: REASONS.attachmentsMismatch };
  return {
    id: r.id,
    payload,
    row: {
      id: r.id,
      engagement_version_id: r.engagement_version_id,
      device_id: r.device_id,
      content_hash: r.content_hash,
      received_at: r.received_at,
      created_at: new Date(payload.createdAt).toISOString(),
      session_id: payload.sessionId ?? null,
      locale: payload.locale,
      format: payload.format,
      input_method: payload.inputMethod,
      reference_code: payload.referenceCode,
      answers_json: JSON.stringify(payload.answers),
      attachment_count: payload.attachments.length,
    },
  };
}

const utf8 = new TextDecoder();

function openRow(r: InboxRow, agreements: Map<string, ECDH | null>): Outcome {
  const opened = decryptWith(r, agreements.get(r.engagement_version_id));
  if ('reason' in opened) return { id: r.id, reason: opened.reason };
  try {
    return checkPayload(r, JSON.parse(utf8.decode(opened.plaintext)));
  } catch {
    return { id: r.id, reason: REASONS.invalidContent };
  }
}

/** Opens rows with these versions' keys (on a pool thread, or here). */
export function openRows(rows: InboxRow[], keys: KeyMap): Outcome[] {
  const agreements = new Map([...keys].map(([id, k]) => [id, k ? agreement(k) : null] as const));
  return rows.map((r) => openRow(r, agreements));
}
