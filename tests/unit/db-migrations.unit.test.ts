import fs from 'node:fs';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openBletherDB } from '../../src/db/open';
import { outboxRepo } from '../../src/db/outbox';
import { DB_VERSION } from '../../src/db/schema';
import { createFixtureDb, type IdbFixture } from '../fixtures/idb-fixture';

const fixtures: IdbFixture[] = [1, 2].map(
  (v) => JSON.parse(fs.readFileSync(new URL(`../fixtures/idb-v${v}.json`, import.meta.url), 'utf8')) as IdbFixture,
);

describe('device database upgrades never lose an unsynced bundle', () => {
  it('has a fixture for every earlier schema version', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const fixture of fixtures) {
    it(`opens a version ${fixture.version} database holding waiting bundles and keeps every one, with its attachments`, async () => {
      const name = `fixture-v${fixture.version}`;
      await createFixtureDb(name, fixture);
      const handle = openBletherDB(name);
      const db = await handle;
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(['attachments', 'drafts', 'engagements', 'meta', 'outbox', 'sessions']);
      const repo = outboxRepo(() => handle);
      const before = fixture.records.outbox ?? [];
      expect(await repo.counts()).toEqual({
        waiting: before.filter((r) => r.state === 'waiting').length,
        attention: before.filter((r) => r.state === 'attention').length,
      });
      expect((await repo.waiting()).map((r) => r.id)).toEqual(before.filter((r) => r.state === 'waiting').map((r) => r.id));
      const [withReceipt] = await repo.waiting(1);
      for (const sha of withReceipt?.attachments ?? []) {
        const a = await repo.attachment(sha);
        expect(new Uint8Array(a?.bytes as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
      }
      const [attention] = await repo.attention();
      expect(attention?.reason).toBe('Export it for staff.');
      expect(await db.get('meta', 'lastSyncAt')).toBe('2026-11-01T09:00:00.000Z');
      db.close();
    });
  }
});
