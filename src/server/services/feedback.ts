/** "You said, we did": the organiser's draft per engagement, published as an immutable snapshot. */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { FeedbackContent, PublishedFeedback } from '../../shared/feedback';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { Picture, Text as TextSchema } from './builder-schema';
import { engagementFor } from './insight';

export const FeedbackContentSchema = v.strictObject({
  intro: TextSchema,
  items: v.pipe(
    v.array(v.strictObject({ said: TextSchema, did: TextSchema, picture: v.optional(Picture) })),
    v.maxLength(30, 'Use at most 30 items'),
  ),
});

const EMPTY: FeedbackContent = { intro: {}, items: [] };

export async function feedbackDraft(db: Kysely<DB>, engagementId: string) {
  const e = await engagementFor(db, engagementId);
  const row = await db.selectFrom('feedback').selectAll().where('engagement_id', '=', engagementId).executeTakeFirst();
  return {
    engagement: { id: e.id, slug: e.slug, title: e.title, defaultLocale: e.content.defaultLocale, locales: e.content.locales },
    content: row ? (JSON.parse(row.draft_json) as FeedbackContent) : EMPTY,
    publishedAt: row?.published_at ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveFeedbackDraft(db: Kysely<DB>, engagementId: string, content: FeedbackContent, by: string) {
  await engagementFor(db, engagementId);
  const now = new Date().toISOString();
  await db
    .insertInto('feedback')
    .values({
      engagement_id: engagementId,
      draft_json: JSON.stringify(content),
      published_json: null,
      published_at: null,
      updated_at: now,
      updated_by: by,
    })
    .onConflict((oc) => oc.column('engagement_id').doUpdateSet({ draft_json: JSON.stringify(content), updated_at: now, updated_by: by }))
    .execute();
  return { updatedAt: now };
}

/** The staff web's words for a language: "English", "Polish" (not its code). */
const languageName = (code: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;

export function feedbackProblems(c: FeedbackContent, defaultLocale: string): string[] {
  const problems: string[] = [];
  const language = languageName(defaultLocale);
  if (!c.intro[defaultLocale]?.standard) problems.push(`Write the introduction in ${language}.`);
  if (c.items.length === 0) problems.push('Add at least one "You said, we did" item.');
  c.items.forEach((it, i) => {
    if (!it.said[defaultLocale]?.standard || !it.did[defaultLocale]?.standard)
      problems.push(`Item ${i + 1}: write both "You said" and "We did" in ${language}.`);
    if (it.picture && !it.picture.alt[defaultLocale]?.standard) problems.push(`Item ${i + 1}: describe the picture in ${language}.`);
  });
  return problems;
}

export async function publishFeedback(db: Kysely<DB>, engagementId: string, by: string) {
  const draft = await feedbackDraft(db, engagementId);
  if (!draft.updatedAt) throw new HttpError(409, 'no_draft', 'Write the feedback and save it before publishing.');
  const problems = feedbackProblems(draft.content, draft.engagement.defaultLocale);
  if (problems.length) throw new HttpError(409, 'incomplete', problems.join(' '));
  const e = await engagementFor(db, engagementId);
  const now = new Date().toISOString();
  const published: PublishedFeedback = {
    slug: e.slug,
    title: e.content.title,
    defaultLocale: e.content.defaultLocale,
    locales: e.content.locales,
    content: draft.content,
    publishedAt: now,
  };
  await db
    .updateTable('feedback')
    .set({ published_json: JSON.stringify(published), published_at: now, updated_by: by })
    .where('engagement_id', '=', engagementId)
    .execute();
  return { publishedAt: now };
}

export async function publishedFeedbackBySlug(db: Kysely<DB>, slug: string): Promise<PublishedFeedback | null> {
  const row = await db
    .selectFrom('feedback as f')
    .innerJoin('engagements as e', 'e.id', 'f.engagement_id')
    .select('f.published_json')
    .where('e.slug', '=', slug)
    .executeTakeFirst();
  return row?.published_json ? (JSON.parse(row.published_json) as PublishedFeedback) : null;
}

export async function allPublishedFeedback(db: Kysely<DB>): Promise<PublishedFeedback[]> {
  const rows = await db.selectFrom('feedback').select('published_json').where('published_json', 'is not', null).execute();
  return rows.map((r) => JSON.parse(r.published_json as string) as PublishedFeedback);
}
