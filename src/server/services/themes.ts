/** Themes the analyst defines per engagement, and tags on free-text and voice answers. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';

export interface ThemeCount {
  id: string;
  name: string;
  /** tagged answers */
  answers: number;
  /** distinct participants with at least one tagged answer */
  participants: number;
}

export async function themeCounts(db: Kysely<DB>, engagementId: string) {
  const [themes, tags] = await Promise.all([
    db.selectFrom('themes').select(['id', 'name']).where('engagement_id', '=', engagementId).orderBy('name').execute(),
    db
      .selectFrom('theme_tags as t')
      .innerJoin('themes as th', 'th.id', 't.theme_id')
      .select(['t.theme_id', 't.bundle_id', 't.question_id'])
      .where('th.engagement_id', '=', engagementId)
      .execute(),
  ]);
  const byAnswer: Record<string, string[]> = {};
  for (const t of tags) {
    const key = `${t.bundle_id}:${t.question_id}`;
    byAnswer[key] = [...(byAnswer[key] ?? []), t.theme_id];
  }
  const counts: ThemeCount[] = themes.map((th) => {
    const mine = tags.filter((t) => t.theme_id === th.id);
    return { id: th.id, name: th.name, answers: mine.length, participants: new Set(mine.map((t) => t.bundle_id)).size };
  });
  return { counts, tags: byAnswer };
}

export async function createTheme(db: Kysely<DB>, engagementId: string, name: string, by: string) {
  const exists = await db
    .selectFrom('themes')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (exists) throw new HttpError(409, 'theme_exists', `There is already a theme called "${name}".`);
  const theme = { id: crypto.randomUUID(), engagement_id: engagementId, name, created_by: by, created_at: new Date().toISOString() };
  await db.insertInto('themes').values(theme).execute();
  return { id: theme.id, name };
}

async function themeOf(db: Kysely<DB>, engagementId: string, themeId: string) {
  const th = await db
    .selectFrom('themes')
    .select('id')
    .where('id', '=', themeId)
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  if (!th) throw new HttpError(404, 'not_found', 'There is no such theme in this engagement.');
}

export async function deleteTheme(db: Kysely<DB>, engagementId: string, themeId: string) {
  await themeOf(db, engagementId, themeId);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('theme_tags').where('theme_id', '=', themeId).execute();
    await tx.deleteFrom('themes').where('id', '=', themeId).execute();
  });
}

export async function setTag(
  db: Kysely<DB>,
  engagementId: string,
  t: { themeId: string; bundleId: string; questionId: string; tagged: boolean },
  by: string,
) {
  await themeOf(db, engagementId, t.themeId);
  const bundle = await db
    .selectFrom('bundles as b')
    .innerJoin('engagement_versions as v', 'v.id', 'b.engagement_version_id')
    .select('b.id')
    .where('b.id', '=', t.bundleId)
    .where('v.engagement_id', '=', engagementId)
    .executeTakeFirst();
  if (!bundle) throw new HttpError(404, 'not_found', 'There is no such answer in this engagement.');
  if (t.tagged) {
    await db
      .insertInto('theme_tags')
      .values({ theme_id: t.themeId, bundle_id: t.bundleId, question_id: t.questionId, tagged_by: by, tagged_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['theme_id', 'bundle_id', 'question_id']).doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('theme_tags')
      .where('theme_id', '=', t.themeId)
      .where('bundle_id', '=', t.bundleId)
      .where('question_id', '=', t.questionId)
      .execute();
  }
}
