import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Bytes as bytes, and uploads owned by their device:
 * - attachment chunks and builder media hold binary (BLOB in SQLite, bytea in PostgreSQL) instead of base64
 *   text: a third less space and no decode on every read;
 * - an upload slot is keyed by (sha256, device_id): another device that knows the hash gets a slot of its own,
 *   so it can neither claim nor see the first device's upload. sha256 leads the key, so erasure and the
 *   opener still find an attachment by its hash alone.
 * Existing rows are copied across, decoded, a slot at a time (a chunk is at most a few hundred KB).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL runs each migration in a transaction already; SQLite's migrator does not
  if (db.isTransaction) await convert(db);
  else await db.transaction().execute(convert);
}

async function convert(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('attachment_uploads_next')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('attachment_uploads_by_device_pk', ['sha256', 'device_id'])
    .execute();
  await db.schema
    .createTable('attachment_chunks_next')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('offset', 'bigint', (c) => c.notNull())
    .addColumn('data', bin, (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_chunks_by_device_pk', ['sha256', 'device_id', 'offset'])
    .execute();
  await sql`INSERT INTO attachment_uploads_next (sha256, device_id, size, received, complete, created_at, completed_at)
    SELECT sha256, device_id, size, received, complete, created_at, completed_at FROM attachment_uploads`.execute(db);
  const slots = await sql<{ sha256: string; device_id: string }>`SELECT sha256, device_id FROM attachment_uploads`.execute(db);
  for (const slot of slots.rows) {
    const chunks = await sql<{ offset: number | string; data_b64: string }>`
      SELECT "offset", data_b64 FROM attachment_chunks WHERE sha256 = ${slot.sha256}`.execute(db);
    for (const c of chunks.rows) {
      await sql`INSERT INTO attachment_chunks_next (sha256, device_id, "offset", data)
        VALUES (${slot.sha256}, ${slot.device_id}, ${Number(c.offset)}, ${Buffer.from(c.data_b64, 'base64')})`.execute(db);
    }
  }
  await db.schema.dropTable('attachment_chunks').execute();
  await db.schema.dropTable('attachment_uploads').execute();
  await db.schema.alterTable('attachment_uploads_next').renameTo('attachment_uploads').execute();
  await db.schema.alterTable('attachment_chunks_next').renameTo('attachment_chunks').execute();

  await db.schema
    .createTable('media_next')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', bin, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const media = await sql<{ sha256: string }>`SELECT sha256 FROM media`.execute(db);
  for (const m of media.rows) {
    const row = await sql<{ type: string; size: number; name: string; data_base64: string; created_by: string | null; created_at: string }>`
      SELECT type, size, name, data_base64, created_by, created_at FROM media WHERE sha256 = ${m.sha256}`.execute(db);
    const r = row.rows[0];
    if (!r) continue;
    await sql`INSERT INTO media_next (sha256, type, size, name, data, created_by, created_at)
      VALUES (${m.sha256}, ${r.type}, ${r.size}, ${r.name}, ${Buffer.from(r.data_base64, 'base64')}, ${r.created_by}, ${r.created_at})`.execute(
      db,
    );
  }
  await db.schema.dropTable('media').execute();
  await db.schema.alterTable('media_next').renameTo('media').execute();
}

export async function down(): Promise<void> {
  throw new Error('080_attachment_bytes cannot be undone: restore the backup taken before the upgrade.');
}
