/** The device keeps only its assigned engagements, but never one that an unsent bundle still belongs to. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listEngagements, pruneEngagements, saveEngagements } from '../../src/db/engagements';
import { outbox } from '../../src/db/index';
import type { OutboxRecord } from '../../src/db/schema';
import type { PublishedEngagement } from '../../src/shared/engagement';

const engagement = (slug: string): PublishedEngagement => ({
  engagementId: `id-${slug}`,
  slug,
  versionId: `v-${slug}`,
  version: 1,
  publicKey: {},
  content: { title: { en: { standard: slug } } } as unknown as PublishedEngagement['content'],
});

const bundle = (id: number, slug: string, state: OutboxRecord['state']): OutboxRecord => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  engagementVersionId: `v-${slug}`,
  engagementSlug: slug,
  createdAt: '2026-11-22T09:00:00.000Z',
  state,
  envelope: { v: 1, alg: 'ECDH-ES+A256KW/A256GCM', epk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, wk: 'AA==', iv: 'AA==', ct: 'AA==' },
  size: 300,
  attachments: [],
  attempts: 0,
});

const slugs = async () => (await listEngagements()).map((e) => e.slug).sort();

describe('pruning engagements no longer assigned to the device', () => {
  it('removes an unassigned engagement with nothing waiting; holds back one with a waiting or needs-attention bundle until it is sent', async () => {
    await saveEngagements(['library', 'park', 'pool', 'school'].map(engagement));
    await outbox.add(bundle(1, 'park', 'waiting'));
    await outbox.add(bundle(2, 'pool', 'attention'));

    const first = await pruneEngagements(['library']);
    expect(first.removed).toEqual(['school']);
    expect(first.held.sort()).toEqual(['park', 'pool']);
    expect(await slugs()).toEqual(['library', 'park', 'pool']);

    // the park answer is sent (stored by the server): the next download lets park go, pool stays
    await outbox.remove([bundle(1, 'park', 'waiting')]);
    const second = await pruneEngagements(['library']);
    expect(second.removed).toEqual(['park']);
    expect(await slugs()).toEqual(['library', 'pool']);
    expect(await outbox.counts()).toEqual({ waiting: 0, attention: 1 });
  });

  it('keeps everything that is still assigned, and touches nothing when all are', async () => {
    expect(await pruneEngagements(['library', 'pool'])).toEqual({ removed: [], held: [] });
    expect(await slugs()).toEqual(['library', 'pool']);
  });
});
