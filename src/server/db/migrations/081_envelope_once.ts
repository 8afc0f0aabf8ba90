import { type Kysely, sql } from 'kysely';

/**
 * Each sealed envelope is kept once, in `inbox` (as received); an opened bundle in `bundles` has the same
 * id and reads its envelope from there. A bundle whose inbox row is missing (none should be) gets one
 * first, so no envelope is lost.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO inbox (id, engagement_version_id, device_id, content_hash, envelope_json, attachments_json, source, received_at, state, reason, opened_at)
    SELECT b.id, b.engagement_version_id, b.device_id, b.content_hash, b.envelope_json, '[]', 'sync', b.received_at, 'opened', NULL, b.received_at
    FROM bundles b WHERE NOT EXISTS (SELECT 1 FROM inbox i WHERE i.id = b.id)`.execute(db);
  await db.schema.alterTable('bundles').dropColumn('envelope_json').execute();
}

export async function down(): Promise<void> {
  throw new Error('081_envelope_once cannot be undone: restore the backup taken before the upgrade.');
}
