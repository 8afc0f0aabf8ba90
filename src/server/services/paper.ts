/**
 * Paper forms entered in the staff web (issue 6). The browser seals the form exactly as a device seals a
 * participant's answers, with the engagement version's public key, so the server stores it through the
 * same inbox and opener as a synced bundle. It is recorded against the staff member (device id
 * `staff:<user id>`, stable when an email changes, and an audit event by `actor`), as a device's bundles
 * are recorded against the device.
 */
import type { Kysely } from 'kysely';
import type { ItemResult, SyncItem } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { audit } from './audit';
import type { VersionKeys } from './engagements';
import { ingestBatch } from './ingest';

export const staffSource = (userId: string) => `staff:${userId}`;

export async function enterPaperForm(
  db: Kysely<DB>,
  keys: VersionKeys,
  engagementId: string,
  item: SyncItem,
  who: { userId: string; actor: string },
): Promise<ItemResult> {
  if (item.attachments?.length) {
    throw new HttpError(400, 'paper_attachments', 'A paper form has no recordings or photos to send. Enter its answers as text.');
  }
  const version = await db
    .selectFrom('engagement_versions')
    .select('engagement_id')
    .where('id', '=', item.engagementVersionId)
    .executeTakeFirst();
  if (version?.engagement_id !== engagementId) {
    throw new HttpError(
      400,
      'unknown_version',
      'This form is not for a published version of that engagement. Reload the page and enter it again.',
    );
  }
  const [result] = await ingestBatch(db, keys, staffSource(who.userId), [item], { source: 'paper' });
  if (result?.status === 'stored') {
    await audit(db, { actor: who.actor, action: 'bundle.paper_entered', subject: `bundle:${item.id}`, at: new Date().toISOString() });
  }
  return result as ItemResult;
}
