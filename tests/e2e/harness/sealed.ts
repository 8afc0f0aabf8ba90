/** Sealed bundles made in Node exactly as a device makes them, to put on a device as a given state. */
import type { OutboxRecord } from '../../../src/db/schema';
import { sha256Hex, toBase64, utf8 } from '../../../src/shared/bytes';
import type { PublishedEngagement } from '../../../src/shared/engagement';
import { importEngagementPublicKey, seal, sealAttachment } from '../../../src/shared/envelope';
import { payloadFor } from '../../support/bundles';

export async function sealedRecord(
  engagement: PublishedEngagement,
  opts: { id?: string; versionId?: string; text?: string; receipt?: number } = {},
): Promise<{
  record: OutboxRecord;
  attachments: { sha256: string; bundleId: string; type: string; bytesBase64: string; uploaded: number }[];
}> {
  const versionId = opts.versionId ?? engagement.versionId;
  const payload = payloadFor(engagement, { engagementVersionId: versionId, answers: { else: { text: opts.text ?? 'Kept safe' } } });
  if (opts.id) payload.id = opts.id;
  const key = await importEngagementPublicKey(engagement.publicKey);
  const attachments: { sha256: string; bundleId: string; type: string; bytesBase64: string; uploaded: number }[] = [];
  const { envelope } = await seal(
    async (contentKey) => {
      if (opts.receipt) {
        const bytes = await sealAttachment(
          contentKey,
          payload.id,
          0,
          new Uint8Array(opts.receipt).map((_, i) => i % 253),
        );
        const sha256 = await sha256Hex(bytes);
        payload.attachments.push({ sha256, type: 'image/jpeg', size: bytes.length, kind: 'receipt' });
        attachments.push({ sha256, bundleId: payload.id, type: 'image/jpeg', bytesBase64: toBase64(bytes), uploaded: 0 });
      }
      return utf8(JSON.stringify(payload));
    },
    key,
    payload.id,
    versionId,
  );
  return {
    record: {
      id: payload.id,
      engagementVersionId: versionId,
      engagementSlug: engagement.slug,
      createdAt: payload.createdAt,
      state: 'waiting',
      envelope,
      size: JSON.stringify(envelope).length + 200,
      attachments: attachments.map((a) => a.sha256),
      attempts: 0,
    },
    attachments,
  };
}
