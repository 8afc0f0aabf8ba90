/** A copy of an engagement as a new draft: from its draft, or from any published version. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { createEngagement, getForStaff } from './builder';
import type { BuilderContent } from './builder-schema';

/** An engagement's draft (no version), or the content of one of its published versions. */
export async function contentOf(db: Kysely<DB>, id: string, version: number | undefined): Promise<BuilderContent> {
  if (version === undefined) return (await getForStaff(db, id)).content;
  const row = await db
    .selectFrom('engagement_versions')
    .select('content_json')
    .where('engagement_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', `This engagement has no version ${version}.`);
  return JSON.parse(row.content_json) as BuilderContent;
}

export async function cloneEngagement(db: Kysely<DB>, id: string, to: { slug: string; title: string; version?: number }, by: string) {
  const content = await contentOf(db, id, to.version);
  return createEngagement(db, to.slug, to.title, by, content);
}
