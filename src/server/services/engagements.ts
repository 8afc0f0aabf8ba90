import type { Kysely } from 'kysely';
import type { EngagementContent, PublishedEngagement, Text } from '../../shared/engagement';
import { generateEngagementKeyPair, importEngagementPrivateKey } from '../../shared/envelope';
import type { DB } from '../db/schema';
import type { ServerKey } from '../keys';

export async function createPublishedEngagement(
  db: Kysely<DB>,
  serverKey: ServerKey,
  input: { slug: string; title: Text; content: EngagementContent },
): Promise<{ engagementId: string; versionId: string }> {
  const now = new Date().toISOString();
  const engagementId = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  const { publicJwk, privateJwk } = await generateEngagementKeyPair();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('engagements')
      .values({ id: engagementId, slug: input.slug, title_json: JSON.stringify(input.title), status: 'published', created_at: now })
      .execute();
    await tx
      .insertInto('engagement_versions')
      .values({
        id: versionId,
        engagement_id: engagementId,
        version: 1,
        content_json: JSON.stringify(input.content),
        public_key_jwk: JSON.stringify(publicJwk),
        private_key_sealed: serverKey.seal(JSON.stringify(privateJwk), `engagement-version:${versionId}`),
        published_at: now,
      })
      .execute();
  });
  return { engagementId, versionId };
}

/** The newest published version of every published engagement, as devices download them. */
export async function listPublished(db: Kysely<DB>): Promise<PublishedEngagement[]> {
  const rows = await db
    .selectFrom('engagement_versions as v')
    .innerJoin('engagements as e', 'e.id', 'v.engagement_id')
    .select(['e.id as engagementId', 'e.slug', 'v.id as versionId', 'v.version', 'v.public_key_jwk', 'v.content_json'])
    .where('e.status', '=', 'published')
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('engagement_versions as v2')
          .select(({ fn }) => fn.max('v2.version').as('m'))
          .whereRef('v2.engagement_id', '=', 'e.id'),
      ),
    )
    .orderBy('e.created_at')
    .execute();
  return rows.map((r) => ({
    engagementId: r.engagementId,
    slug: r.slug,
    versionId: r.versionId,
    version: Number(r.version),
    publicKey: JSON.parse(r.public_key_jwk) as JsonWebKey,
    content: JSON.parse(r.content_json) as EngagementContent,
  }));
}

/**
 * Private keys of engagement versions, opened from the server key on first use. Versions are
 * immutable, so caching them holds across instances.
 */
export class VersionKeys {
  private cache = new Map<string, Promise<CryptoKey | null>>();
  constructor(
    private db: Kysely<DB>,
    readonly serverKey: ServerKey,
  ) {}

  get(versionId: string): Promise<CryptoKey | null> {
    let p = this.cache.get(versionId);
    if (!p) {
      p = this.load(versionId);
      this.cache.set(versionId, p);
      // an unknown version may be published later: do not remember the miss
      p.then((k) => k ?? this.cache.delete(versionId)).catch(() => this.cache.delete(versionId));
    }
    return p;
  }

  private async load(versionId: string): Promise<CryptoKey | null> {
    const row = await this.db.selectFrom('engagement_versions').select('private_key_sealed').where('id', '=', versionId).executeTakeFirst();
    if (!row) return null;
    const jwk = JSON.parse(this.serverKey.open(row.private_key_sealed, `engagement-version:${versionId}`)) as JsonWebKey;
    return importEngagementPrivateKey(jwk);
  }
}
