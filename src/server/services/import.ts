/**
 * Staff import of a device's export file: attachments first (hash-checked), then the bundles through the
 * same ingest as sync. What the server cannot take as it is (a conflict, a rejection) is kept in
 * `held_bundles` with its reason, never dropped.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type ExportFile, ExportFileSchema } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { putWhole } from './attachments';
import type { VersionKeys } from './engagements';
import { ingestBatch, reportableId } from './ingest';
import { openAll } from './opener';

export interface ImportLine {
  id: string;
  outcome: 'imported' | 'already on the server' | 'held for staff';
  reason?: string;
}

export function parseExport(text: string): ExportFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('This file is not a Blether export (it is not JSON).');
  }
  const parsed = v.safeParse(ExportFileSchema, json);
  if (!parsed.success) throw new Error(`This file is not a Blether export: ${parsed.issues[0].message}`);
  return parsed.output;
}

export async function importExport(db: Kysely<DB>, keys: VersionKeys, file: ExportFile): Promise<ImportLine[]> {
  const known = file.deviceId ? await db.selectFrom('devices').select('id').where('id', '=', file.deviceId).executeTakeFirst() : undefined;
  const deviceId = known?.id ?? 'import';
  for (const [sha256, b64] of Object.entries(file.attachments)) await putWhole(db, deviceId, sha256, Buffer.from(b64, 'base64'));
  const lines: ImportLine[] = [];
  for (const b of file.bundles) {
    const id = reportableId(b.item) ?? 'unknown';
    const [result] = await ingestBatch(db, keys, deviceId, [b.item], { source: 'import' });
    if (result?.status === 'stored') lines.push({ id, outcome: 'imported' });
    else if (result?.status === 'duplicate') lines.push({ id, outcome: 'already on the server' });
    else {
      const item = b.item as { engagementVersionId?: unknown; envelope?: unknown; attachments?: unknown };
      const reason = result?.reason ?? 'Not taken.';
      await db
        .insertInto('held_bundles')
        .values({
          id: crypto.randomUUID(),
          bundle_id: id,
          engagement_version_id: String(item.engagementVersionId ?? ''),
          device_id: deviceId,
          envelope_json: JSON.stringify(item.envelope ?? null),
          attachments_json: JSON.stringify(item.attachments ?? []),
          status: result?.status ?? 'rejected',
          reason,
          source: 'import',
          received_at: new Date().toISOString(),
        })
        .execute();
      lines.push({ id, outcome: 'held for staff', reason });
    }
  }
  await openAll(db, keys);
  return lines;
}
