/** The engagement builder: drafts, and publishing a draft as a new immutable version with its own key pair. */
import type { Kysely } from 'kysely';
import { publishProblems } from '../../shared/completeness';
import { generateEngagementKeyPair } from '../../shared/envelope';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import type { ServerKey } from '../keys';
import { parseBody } from '../validate';
import { absentAssets } from './assets';
import { type BuilderContent, ExpensesSchema } from './builder-schema';

export function emptyContent(title: string): BuilderContent {
  return { defaultLocale: 'en', locales: ['en'], title: { en: { standard: title } }, purpose: {}, privacy: {}, questions: [] };
}

export async function listForStaff(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('engagements as e')
    .leftJoin('engagement_drafts as d', 'd.engagement_id', 'e.id')
    .select(['e.id', 'e.slug', 'e.title_json', 'e.status', 'e.created_at', 'd.updated_at as draftUpdatedAt'])
    .select((eb) =>
      eb
        .selectFrom('engagement_versions as v')
        .select((x) => x.fn.max('v.version').as('m'))
        .whereRef('v.engagement_id', '=', 'e.id')
        .as('latestVersion'),
    )
    .orderBy('e.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: JSON.parse(r.title_json),
    status: r.status,
    latestVersion: r.latestVersion === null ? null : Number(r.latestVersion),
    draftUpdatedAt: r.draftUpdatedAt,
  }));
}

/** A new engagement whose draft is `content` (a copy of another), or empty with `title`. */
export async function createEngagement(db: Kysely<DB>, slug: string, title: string, by: string, from?: BuilderContent) {
  const taken = await db.selectFrom('engagements').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken) throw new HttpError(409, 'slug_taken', 'Another engagement already uses that web address. Choose another.');
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const d = from?.defaultLocale ?? 'en';
  const content = from ? { ...from, title: { ...from.title, [d]: { ...from.title[d], standard: title } } } : emptyContent(title);
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('engagements')
      .values({ id, slug, title_json: JSON.stringify(content.title), status: 'draft', created_at: now })
      .execute();
    await tx
      .insertInto('engagement_drafts')
      .values({ engagement_id: id, content_json: JSON.stringify(content), updated_at: now, updated_by: by })
      .execute();
  });
  return { id, slug };
}

async function mustExist(db: Kysely<DB>, id: string) {
  const e = await db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new HttpError(404, 'not_found', 'There is no such engagement.');
  return e;
}

/** `distDir`: where the built app is, to say which bundled pictures and clips it lacks (`absent`). */
export async function getForStaff(db: Kysely<DB>, id: string, distDir = '') {
  const e = await mustExist(db, id);
  const draft = await db.selectFrom('engagement_drafts').selectAll().where('engagement_id', '=', id).executeTakeFirst();
  const versions = await db
    .selectFrom('engagement_versions as v')
    .select(['v.id', 'v.version', 'v.published_at', 'v.content_json'])
    .select((eb) =>
      eb
        .selectFrom('bundles as b')
        .select((x) => x.fn.countAll().as('n'))
        .whereRef('b.engagement_version_id', '=', 'v.id')
        .as('bundles'),
    )
    .where('v.engagement_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  // editing a published engagement starts a new draft from its newest version
  const content = draft ? JSON.parse(draft.content_json) : versions[0] ? JSON.parse(versions[0].content_json) : emptyContent(e.slug);
  return {
    id: e.id,
    slug: e.slug,
    status: e.status,
    content: content as BuilderContent,
    absent: [...(await absentAssets(db, distDir, content))],
    draftUpdatedAt: draft?.updated_at ?? null,
    versions: versions.map((v) => ({ id: v.id, version: Number(v.version), publishedAt: v.published_at, bundles: Number(v.bundles ?? 0) })),
  };
}

export async function saveDraft(db: Kysely<DB>, id: string, content: BuilderContent, by: string) {
  await mustExist(db, id);
  const now = new Date().toISOString();
  const values = { content_json: JSON.stringify(content), updated_at: now, updated_by: by };
  await db
    .insertInto('engagement_drafts')
    .values({ engagement_id: id, ...values })
    .onConflict((oc) => oc.column('engagement_id').doUpdateSet(values))
    .execute();
  return { updatedAt: now };
}

export async function publish(db: Kysely<DB>, serverKey: ServerKey, id: string, distDir = '') {
  const e = await getForStaff(db, id, distDir);
  // a draft saved before the rate card contract was enforced is checked again: no invalid card is published
  parseBody(ExpensesSchema, e.content);
  const problems = publishProblems(e.content, new Set(e.absent));
  if (problems.length) throw new HttpError(400, 'not_ready', `Not ready to publish: ${problems.join(' ')}`);
  const versionId = crypto.randomUUID();
  const { publicJwk, privateJwk } = await generateEngagementKeyPair();
  const now = new Date().toISOString();
  const version = (e.versions[0]?.version ?? 0) + 1;
  await db.transaction().execute(async (tx) => {
    // the unique (engagement, version) constraint refuses a second publish racing this one
    await tx
      .insertInto('engagement_versions')
      .values({
        id: versionId,
        engagement_id: id,
        version,
        content_json: JSON.stringify(e.content),
        public_key_jwk: JSON.stringify(publicJwk),
        private_key_sealed: serverKey.seal(JSON.stringify(privateJwk), `engagement-version:${versionId}`),
        published_at: now,
      })
      .execute();
    await tx
      .updateTable('engagements')
      .set({ status: 'published', title_json: JSON.stringify(e.content.title) })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('engagement_drafts').where('engagement_id', '=', id).execute();
  });
  return { versionId, version };
}
