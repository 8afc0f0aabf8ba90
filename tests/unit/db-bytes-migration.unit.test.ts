/**
 * Migrations 080 and 081 on a database the previous code wrote: attachment chunks and media as base64 text
 * become binary, upload slots become the uploading device's, an opened bundle's second copy of its envelope
 * goes, and every attachment still opens afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/index';
import { migrations } from '../../src/server/db/migrations/index';
import { createPostgres } from '../../src/server/db/postgres';
import type { DB } from '../../src/server/db/schema';
import { loadServerKey } from '../../src/server/keys';
import { seedIfEmpty } from '../../src/server/seed';
import { enrolDevice } from '../../src/server/services/devices';
import { listPublished, VersionKeys } from '../../src/server/services/engagements';
import { ingestBatch } from '../../src/server/services/ingest';
import { readMedia } from '../../src/server/services/media';
import { checkPayload, decryptRow } from '../../src/server/services/open-row';
import { openAll } from '../../src/server/services/opener';
import { openBundleAttachment } from '../../src/server/services/sealed-attachments';
import { sha256Hex } from '../../src/shared/bytes';
import { pgUrl } from '../support/app';
import { sealedWithAttachments } from '../support/bundles';
import { createDatabase } from '../support/pg';

/** The database as the code before 080 left it: every earlier migration, nothing after. */
async function before080(dataDir: string, url: string): Promise<Kysely<DB>> {
  const db = url
    ? await createPostgres(url)
    : new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(path.join(dataDir, 'blether.sqlite')) }) });
  const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '080'));
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => earlier },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) throw error;
  return db;
}

/** What the opener did before 081: the bundle's row with its own copy of the envelope. */
async function openAsBefore(db: Kysely<DB>, keys: VersionKeys, id: string): Promise<void> {
  const row = await db.selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const opened = await decryptRow(row, keys);
  if (!('plaintext' in opened)) throw new Error(opened.reason);
  const outcome = checkPayload(row, JSON.parse(new TextDecoder().decode(opened.plaintext)));
  if (!('row' in outcome)) throw new Error(outcome.reason);
  await db
    .insertInto('bundles')
    .values({ ...outcome.row, envelope_json: row.envelope_json } as never)
    .execute();
  await db.updateTable('inbox').set({ state: 'opened', opened_at: row.received_at }).where('id', '=', id).execute();
}

const plain = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * seed) % 251);

describe('migrations 080 and 081: bytes as bytes, each envelope once', () => {
  it('converts base64 chunks and media to binary, keeps each envelope once, and every attachment still opens', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-080-'));
    const cluster = pgUrl();
    const url = cluster ? await createDatabase(cluster) : '';
    const serverKey = loadServerKey(dataDir, undefined);
    const old = await before080(dataDir, url);
    const seeded = await seedIfEmpty(old, serverKey);
    const { deviceId } = await enrolDevice(old, { code: seeded.enrolmentCode as string, name: 'Old tablet' });
    const [engagement] = await listPublished(old);
    if (!engagement) throw new Error('the seed published nothing');

    // two bundles with receipts, uploaded as the old code stored them: base64 text, one slot per hash
    const receipts = [plain(70_000, 7), plain(1_000, 13)];
    const bundles = await Promise.all(
      receipts.map((bytes) => sealedWithAttachments(engagement, [{ kind: 'receipt', type: 'image/jpeg', bytes }])),
    );
    const at = new Date().toISOString();
    for (const { sealed } of bundles) {
      const bytes = Buffer.from(sealed[0] as Uint8Array);
      const sha = await sha256Hex(bytes);
      const row = {
        sha256: sha,
        size: bytes.length,
        received: bytes.length,
        complete: 1,
        device_id: deviceId,
        created_at: at,
        completed_at: at,
      };
      await old
        .insertInto('attachment_uploads')
        .values(row as never)
        .execute();
      for (let offset = 0; offset < bytes.length; offset += 32_768) {
        const data_b64 = bytes.subarray(offset, offset + 32_768).toString('base64');
        await old
          .insertInto('attachment_chunks')
          .values({ sha256: sha, offset, data_b64 } as never)
          .execute();
      }
    }
    const picture = Buffer.from(plain(5_000, 3));
    const media = {
      sha256: await sha256Hex(picture),
      type: 'image/png',
      size: picture.length,
      name: 'old.png',
      created_by: null,
      created_at: at,
    };
    await old
      .insertInto('media')
      .values({ ...media, data_base64: picture.toString('base64') } as never)
      .execute();
    const keysBefore = new VersionKeys(old, serverKey);
    // one opened by the old server before the upgrade, one still waiting for the opener
    const [first, second] = bundles.map((b) => b.item);
    expect((await ingestBatch(old, keysBefore, deviceId, [first])).map((r) => r.status)).toEqual(['stored']);
    await openAsBefore(old, keysBefore, first?.id as string);
    expect((await ingestBatch(old, keysBefore, deviceId, [second])).map((r) => r.status)).toEqual(['stored']);
    await old.destroy();

    const database = await openDatabase({ dataDir, databaseUrl: url });
    try {
      const db = database.db;
      const keys = new VersionKeys(db, serverKey);
      await openAll(db, keys);
      for (const [i, b] of bundles.entries()) {
        const opened = await openBundleAttachment(db, keys, b.item.id, { sha256: b.item.attachments?.[0] as string });
        expect(new Uint8Array(opened.bytes)).toEqual(receipts[i]);
      }
      const chunk = await db.selectFrom('attachment_chunks').select(['data', 'device_id']).limit(1).executeTakeFirstOrThrow();
      expect(Buffer.isBuffer(chunk.data)).toBe(true);
      expect(chunk.device_id).toBe(deviceId);
      expect((await readMedia(db, media.sha256))?.bytes.equals(picture)).toBe(true);
      const columns = (await db.introspection.getTables()).find((t) => t.name === 'bundles')?.columns.map((c) => c.name);
      expect(columns).toContain('answers_json');
      expect(columns).not.toContain('envelope_json');
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
