/** A bundle the opener cannot open, sealed as an older device would have sent it: its own check let through what the opener refuses. */
import { expect } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { ingestBatch } from '../../src/server/services/ingest';
import type { BundlePayload } from '../../src/shared/bundle';
import { utf8 } from '../../src/shared/bytes';
import { importEngagementPublicKey, seal } from '../../src/shared/envelope';
import { openAcknowledged, type TestServer } from './app';
import { payloadFor } from './bundles';

export async function sendUnopenable(s: TestServer, overrides: Partial<BundlePayload>): Promise<BundlePayload> {
  const payload = payloadFor(s.engagement, overrides);
  const key = await importEngagementPublicKey(s.engagement.publicKey);
  const { envelope } = await seal(utf8(JSON.stringify(payload)), key, payload.id, s.engagement.versionId);
  const keys = new VersionKeys(s.database.db, s.serverKey);
  const [r] = await ingestBatch(s.database.db, keys, s.deviceId, [
    { id: payload.id, engagementVersionId: s.engagement.versionId, envelope },
  ]);
  expect(r?.status).toBe('stored');
  await openAcknowledged(s);
  return payload;
}
