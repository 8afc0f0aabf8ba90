/** Seals a finished journey and writes it to the outbox in one transaction. */

import * as v from 'valibot';
import { outbox } from '../db/index';
import type { AttachmentRecord, OutboxRecord } from '../db/schema';
import { currentSession } from '../db/sessions';
import { type Answer, type AttachmentRef, type BundlePayload, BundlePayloadSchema, type Contact, type Monitoring } from '../shared/bundle';
import { sha256Hex, utf8 } from '../shared/bytes';
import type { Claim } from '../shared/claims';
import type { PublishedEngagement } from '../shared/engagement';
import { importEngagementPublicKey, seal, sealAttachment } from '../shared/envelope';
import { referenceCode, timeOrderedUuid } from '../shared/ids';
import { pathsOf } from '../shared/issues';
import type { Format } from '../shared/locales';
import { SyncItemSchema } from '../shared/protocol';

export interface FinishInput {
  engagement: PublishedEngagement;
  answers: Record<string, Answer>;
  locale: string;
  format: Format;
  consentAt: string;
  inputMethod?: BundlePayload['inputMethod'];
  sessionId?: string | null;
  contact?: Contact | null;
  monitoring?: Monitoring | null;
  /** voice clips and receipt photos; an answer refers to one by its index here (`{ voice: 0 }`) */
  attachments?: NewAttachment[];
  /** an expense claim (features/expenses); its receipts are among `attachments` */
  claim?: Claim;
  /** where the sealed bundle goes: the device's outbox, unless given (the staff web posts a paper form to the server) */
  store?: (record: OutboxRecord, attachments: AttachmentRecord[]) => Promise<void>;
}

export interface NewAttachment {
  kind: AttachmentRef['kind'];
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The payload breaks the schema the server's opener applies: nothing was sealed or stored. */
export class InvalidBundleError extends Error {
  constructor(
    /** where, as `contact.email`, `answers.q3`, `claim.lines.0.from` */
    readonly paths: string[],
  ) {
    super(`This bundle would be refused by the server, so it was not saved: ${paths.join(', ') || 'the bundle as a whole'}`);
    this.name = 'InvalidBundleError';
  }
}

/** The opener's own check, before sealing: a bundle the server acknowledged is never refused later. */
function checked(payload: BundlePayload): BundlePayload {
  const result = v.safeParse(BundlePayloadSchema, payload);
  if (result.success) return result.output;
  throw new InvalidBundleError(pathsOf(result.issues));
}

/**
 * Engagement public keys as imported, by their coordinates: every bundle of an engagement is sealed for the
 * same key, and importing it for each costs a WebCrypto round trip and a key object per bundle.
 */
const publicKeys = new Map<string, Promise<CryptoKey>>();

function engagementKey(jwk: JsonWebKey): Promise<CryptoKey> {
  const id = `${jwk.x}.${jwk.y}`;
  let key = publicKeys.get(id);
  if (!key) {
    key = importEngagementPublicKey(jwk);
    publicKeys.set(id, key);
    // a key that failed to import is tried again next time
    key.catch(() => publicKeys.delete(id));
  }
  return key;
}

export async function finishBundle(input: FinishInput): Promise<{ id: string; reference: string }> {
  // time-ordered: the outbox's key order is then the queue's order (see timeOrderedUuid)
  const id = timeOrderedUuid();
  const reference = referenceCode();
  // the facilitator's open session for this engagement says where it was given (venue and area): read
  // while the engagement's key is imported
  const [key, session] = await Promise.all([
    engagementKey(input.engagement.publicKey),
    input.store ? undefined : currentSession().catch(() => undefined),
  ]);
  // The payload names each attachment by the hash of its sealed bytes, so attachments are sealed (under
  // the bundle's content key) before the bundle itself.
  const newAttachments = input.attachments ?? [];
  const here = session && session.engagementSlug === input.engagement.slug ? session : undefined;
  const payload: BundlePayload = {
    id,
    engagementVersionId: input.engagement.versionId,
    sessionId: input.sessionId ?? here?.id ?? null,
    ...(here ? { place: { venue: here.venue.slice(0, 200), area: here.area.slice(0, 20) } } : {}),
    createdAt: new Date().toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    inputMethod: input.inputMethod ?? 'self',
    locale: input.locale,
    format: input.format,
    consent: { given: true, at: input.consentAt },
    answers: input.answers,
    referenceCode: reference,
    attachments: [],
    ...(input.claim ? { claim: input.claim } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.monitoring ? { monitoring: input.monitoring } : {}),
  };
  const sealedAttachments: AttachmentRecord[] = [];
  const { envelope } = await seal(
    async (contentKey) => {
      for (const [index, a] of newAttachments.entries()) {
        const bytes = await sealAttachment(contentKey, id, index, a.bytes);
        const sha256 = await sha256Hex(bytes);
        payload.attachments.push({ sha256, type: a.type, size: bytes.byteLength, kind: a.kind });
        // a Blob: stored as a file, and sent in slices without coming back into the page
        sealedAttachments.push({ sha256, bundleId: id, type: a.type, bytes: new Blob([bytes]), uploaded: 0 });
      }
      return utf8(JSON.stringify(checked(payload)));
    },
    key,
    id,
    input.engagement.versionId,
  );
  // the item as the server takes it, checked against the wire's own schema and serialised once, here
  const wire = v.safeParse(SyncItemSchema, {
    id,
    engagementVersionId: input.engagement.versionId,
    envelope,
    ...(sealedAttachments.length > 0 ? { attachments: sealedAttachments.map((a) => a.sha256) } : {}),
  });
  if (!wire.success) throw new InvalidBundleError(pathsOf(wire.issues));
  const item = JSON.stringify(wire.output);
  const cash = input.claim?.payment.method === 'cash' && payload.sessionId ? input.claim.payment.handedOverPence : 0;
  await (
    input.store ?? ((r, a) => outbox.add(r, a, cash && payload.sessionId ? { sessionId: payload.sessionId, pence: cash } : undefined))
  )(
    {
      id,
      engagementVersionId: input.engagement.versionId,
      engagementSlug: input.engagement.slug,
      createdAt: payload.createdAt,
      state: 'waiting',
      item,
      size: item.length + 1,
      attachments: sealedAttachments.map((a) => a.sha256),
      attempts: 0,
    },
    sealedAttachments,
  );
  return { id, reference };
}

/**
 * Voice answers point at their clip by index in the bundle's attachments, in question order, numbered
 * from `offset` (the attachments that come before them: a claim's receipts).
 */
export function withVoiceAttachments(
  answers: Record<string, Answer>,
  recordings: Record<string, { type: string; bytes: Uint8Array<ArrayBuffer> }>,
  offset = 0,
): { answers: Record<string, Answer>; attachments: NewAttachment[] } {
  const attachments: NewAttachment[] = [];
  const out: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(answers)) {
    const clip = recordings[id];
    if ('voice' in a && clip) {
      out[id] = { voice: offset + attachments.length };
      attachments.push({ kind: 'voice', type: clip.type, bytes: clip.bytes });
    } else if ('voice' in a) out[id] = { skipped: true };
    else out[id] = a;
  }
  return { answers: out, attachments };
}
