import type { Kysely } from 'kysely';

/**
 * Which engagements a device carries (issue 6). `devices.engagement_scope` is 'all' (every published
 * engagement, as before this migration: a device already in the field keeps what it has) or 'chosen'
 * (only the engagements listed in `device_engagements`, possibly none). An explicit scope, rather than
 * "no rows means all", so taking the last engagement off a device never hands it every engagement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('devices')
    .addColumn('engagement_scope', 'text', (c) => c.notNull().defaultTo('all'))
    .execute();
  await db.schema
    .createTable('device_engagements')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_engagements_pk', ['device_id', 'engagement_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('device_engagements').execute();
  await db.schema.alterTable('devices').dropColumn('engagement_scope').execute();
}
