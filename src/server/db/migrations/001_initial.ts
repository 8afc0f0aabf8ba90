import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('engagement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('public_key_jwk', 'text', (c) => c.notNull())
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('engagement_versions_engagement_version', ['engagement_id', 'version'])
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_by', 'text')
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_queue_size', 'integer')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();

  // Idempotency of sync rests on this primary key, never on memory.
  await db.schema
    .createTable('bundles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_version_id', 'text', (c) => c.notNull().references('engagement_versions.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('envelope_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('input_method', 'text', (c) => c.notNull())
    .addColumn('reference_code', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('attachment_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bundles_by_version').on('bundles').column('engagement_version_id').execute();
  await db.schema.createIndex('bundles_by_reference').on('bundles').column('reference_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['bundles', 'enrolment_codes', 'devices', 'engagement_versions', 'engagements']) {
    await db.schema.dropTable(t).execute();
  }
}
