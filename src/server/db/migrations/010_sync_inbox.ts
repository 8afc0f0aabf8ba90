import type { Kysely } from 'kysely';

/**
 * Sync inbox (issue 4). `inbox` holds every sealed bundle exactly as received; its primary key is what makes
 * sync idempotent, and a row is acknowledged as soon as it commits. A background opener decrypts pending
 * rows into `bundles`; a row that cannot be opened stays here as `failed` with a reason, for staff.
 * Attachments arrive in chunks (base64 text, portable across SQLite and PostgreSQL) before their bundles.
 * `held_bundles` keeps what staff imported but the server could not take (conflicts, rejections).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_version_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('envelope_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('opened_at', 'text')
    .execute();
  await db.schema.createIndex('inbox_by_state').on('inbox').column('state').execute();

  await db.schema
    .createTable('attachment_uploads')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();

  await db.schema
    .createTable('attachment_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('offset', 'bigint', (c) => c.notNull())
    .addColumn('data_b64', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_chunks_pk', ['sha256', 'offset'])
    .execute();

  await db.schema
    .createTable('held_bundles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('engagement_version_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('envelope_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['held_bundles', 'attachment_chunks', 'attachment_uploads', 'inbox']) await db.schema.dropTable(t).execute();
}
