/** Makes sealed bundles the way a device does, with the shared envelope code (WebCrypto in Node). */
import type { AttachmentRef, BundlePayload } from '../../src/shared/bundle';
import { sha256Hex, utf8 } from '../../src/shared/bytes';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { importEngagementPublicKey, seal, sealAttachment } from '../../src/shared/envelope';
import { referenceCode } from '../../src/shared/ids';
import type { SyncItem } from '../../src/shared/protocol';

export function payloadFor(engagement: PublishedEngagement, overrides: Partial<BundlePayload> = {}): BundlePayload {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    engagementVersionId: engagement.versionId,
    sessionId: null,
    createdAt: now,
    timeZone: 'Europe/London',
    inputMethod: 'self',
    locale: 'en',
    format: 'standard',
    consent: { given: true, at: now },
    answers: { visit: { yesno: 'yes' }, feel: { face: 4 }, most: { choice: 'hours' }, else: { text: 'More seats, please 🙂' } },
    referenceCode: referenceCode(),
    attachments: [],
    ...overrides,
  };
}

export async function sealedItem(engagement: PublishedEngagement, overrides: Partial<BundlePayload> = {}): Promise<SyncItem> {
  const payload = payloadFor(engagement, overrides);
  const key = await importEngagementPublicKey(engagement.publicKey);
  const { envelope } = await seal(utf8(JSON.stringify(payload)), key, payload.id, engagement.versionId);
  // a device declares the attachments a bundle needs outside the envelope, so the server can wait for them
  const attachments = payload.attachments.map((a) => a.sha256);
  return { id: payload.id, engagementVersionId: engagement.versionId, envelope, ...(attachments.length ? { attachments } : {}) };
}

export interface PlainAttachment {
  kind: AttachmentRef['kind'];
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A bundle with real sealed attachments (under its content key, as finishBundle does). `overrides` gets the
 * attachment refs, so a claim line or a voice answer can point at one. Returns the sync item and the
 * sealed bytes to upload.
 */
export async function sealedWithAttachments(
  engagement: PublishedEngagement,
  files: PlainAttachment[],
  overrides: (refs: AttachmentRef[]) => Partial<BundlePayload> = () => ({}),
): Promise<{ item: SyncItem; sealed: Uint8Array<ArrayBuffer>[]; payload: BundlePayload }> {
  const payload = payloadFor(engagement);
  const key = await importEngagementPublicKey(engagement.publicKey);
  const sealed: Uint8Array<ArrayBuffer>[] = [];
  const { envelope } = await seal(
    async (contentKey) => {
      const refs: AttachmentRef[] = [];
      for (const [i, f] of files.entries()) {
        const bytes = await sealAttachment(contentKey, payload.id, i, f.bytes);
        sealed.push(bytes);
        refs.push({ sha256: await sha256Hex(bytes), type: f.type, size: bytes.byteLength, kind: f.kind });
      }
      // overrides may name other attachments (a test of one bundle pointing at another's)
      Object.assign(payload, { attachments: refs }, overrides(refs));
      return utf8(JSON.stringify(payload));
    },
    key,
    payload.id,
    engagement.versionId,
  );
  const attachments = payload.attachments.map((a) => a.sha256);
  return { item: { id: payload.id, engagementVersionId: engagement.versionId, envelope, attachments }, sealed, payload };
}
