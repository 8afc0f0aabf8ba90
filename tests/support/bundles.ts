/** Makes sealed bundles the way a device does, with the shared envelope code (WebCrypto in Node). */
import type { BundlePayload } from '../../src/shared/bundle';
import { utf8 } from '../../src/shared/bytes';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { importEngagementPublicKey, seal } from '../../src/shared/envelope';
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
