/** A device's copy of an engagement with a fresh key pair, for unit tests that seal bundles (fake-indexeddb). */
import type { EngagementRecord } from '../../src/db/schema';
import { generateEngagementKeyPair } from '../../src/shared/envelope';

export async function deviceEngagement(): Promise<{ rec: EngagementRecord; privateJwk: JsonWebKey }> {
  const pair = await generateEngagementKeyPair();
  const rec = {
    engagementId: 'e1',
    slug: 'library',
    versionId: 'ver-1',
    version: 1,
    publicKey: pair.publicJwk,
    content: {},
    downloadedAt: new Date().toISOString(),
  } as unknown as EngagementRecord;
  return { rec, privateJwk: pair.privateJwk };
}
