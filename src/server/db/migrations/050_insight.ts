import type { Kysely } from 'kysely';

/**
 * Insight and feedback (issue 7): who took part (per bundle, kept apart from the answers), contacts for
 * feedback (sealed), analyst themes and tags, reference population shares, and "You said, we did" feedback.
 * Exports and reads of contacts go in issue 5's audit_events (040).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per stored bundle: where it was given and the optional equality monitoring. Reported only in
  // aggregate with small numbers suppressed (src/server/insight/suppress.ts).
  await db.schema
    .createTable('participation')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('venue', 'text')
    .addColumn('area', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('monitoring_json', 'text')
    .execute();
  await db.schema.createIndex('participation_by_engagement').on('participation').column('engagement_id').execute();
  await db.schema.createIndex('participation_by_area').on('participation').columns(['area', 'created_at']).execute();

  await db.schema
    .createTable('feedback_contacts')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_contacts_by_engagement').on('feedback_contacts').column('engagement_id').execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('themes_unique_name', ['engagement_id', 'name'])
    .execute();

  await db.schema
    .createTable('theme_tags')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('tagged_by', 'text', (c) => c.notNull())
    .addColumn('tagged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_tags_pk', ['theme_id', 'bundle_id', 'question_id'])
    .execute();

  // Shares in basis points (1/100 of a percent), whole numbers on both databases.
  await db.schema
    .createTable('reference_shares')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('basis_points', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_shares_pk', ['engagement_id', 'dimension', 'category'])
    .execute();

  await db.schema
    .createTable('feedback')
    .addColumn('engagement_id', 'text', (c) => c.primaryKey())
    .addColumn('draft_json', 'text', (c) => c.notNull())
    .addColumn('published_json', 'text')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['feedback', 'reference_shares', 'theme_tags', 'themes', 'feedback_contacts', 'participation'])
    await db.schema.dropTable(t).execute();
}
