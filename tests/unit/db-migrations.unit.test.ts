import fs from 'node:fs';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openBletherDB } from '../../src/db/open';
import { outboxRepo } from '../../src/db/outbox';
import { sealedBytes, wireItem } from '../../src/db/records';
import { DB_VERSION, type Sealed } from '../../src/db/schema';
import { finishBundle } from '../../src/device/finish';
import { createFixtureDb, type IdbFixture } from '../fixtures/idb-fixture';
import { deviceEngagement } from '../support/device-engagement';

const fixtures: IdbFixture[] = [1, 2, 3].map(
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

describe('the upgrade to version 3 (the unused byCreated index goes)', () => {
  it('keeps every bundle a version 2 database of the app holds, with its receipt, and the queue reads the same', async () => {
    const name = 'app-made-v2';
    const { rec } = await deviceEngagement();
    const v2 = openBletherDB(name, 2);
    expect([...(await v2).transaction('outbox').store.indexNames]).toEqual(['byCreated', 'byState']);
    const ids: string[] = [];
    for (const [i, receipt] of [new Uint8Array([7, 7, 7]), null, new Uint8Array([8, 8])].entries()) {
      const { id } = await finishBundle({
        engagement: rec,
        answers: { else: { text: `Bundle ${i}` } },
        locale: 'en',
        format: 'standard',
        consentAt: new Date().toISOString(),
        attachments: receipt ? [{ kind: 'receipt', type: 'image/jpeg', bytes: receipt }] : [],
        // the app's own write, into the version 2 database
        store: (r, a) => outboxRepo(() => v2).add(r, a),
      });
      ids.push(id);
    }
    const before = await outboxRepo(() => v2).waitingAfter(null, 10);
    (await v2).close();

    const v3 = openBletherDB(name);
    expect((await v3).version).toBe(3);
    expect([...(await v3).transaction('outbox').store.indexNames]).toEqual(['byState']);
    const repo = outboxRepo(() => v3);
    expect(await repo.counts()).toEqual({ waiting: 3, attention: 0 });
    const after = await repo.waitingAfter(null, 10);
    expect(after.map((r) => r.id)).toEqual(ids);
    expect(after.map(wireItem)).toEqual(before.map(wireItem));
    const receipts = await Promise.all(after.flatMap((r) => r.attachments).map(async (sha) => (await repo.attachment(sha))?.bytes));
    expect(await Promise.all(receipts.map((b) => sealedBytes(b as Sealed).then((x) => x.length)))).toEqual([3 + 28, 2 + 28]);
    (await v3).close();
  });
});
