import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { REASONS } from '../../src/server/services/ingest';
import { openAll } from '../../src/server/services/opener';
import type { SyncBatchResponse } from '../../src/shared/protocol';
import { startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

function post(body: unknown, token = s.token, headers: Record<string, string> = {}) {
  return s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Runs the opener to the end (it normally runs in the background after each acknowledged batch). */
async function drain(): Promise<void> {
  await openAll(s.database.db, new VersionKeys(s.database.db, s.serverKey));
}

async function inboxRow(id: string) {
  return s.database.db.selectFrom('inbox').select(['state', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function bundleCount(): Promise<number> {
  await drain();
  const r = await s.database.db
    .selectFrom('bundles')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('POST /api/sync/batches', () => {
  it('stores new bundles and answers duplicate for the same content sent again', async () => {
    const before = await bundleCount();
    const items = [await sealedItem(s.engagement), await sealedItem(s.engagement)];
    const first = await post({ items, queueSize: 2 });
    expect(first.statusCode).toBe(200);
    expect((first.json() as SyncBatchResponse).results.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(await bundleCount()).toBe(before + 2);

    const again = await post({ items, queueSize: 2 });
    expect(again.statusCode).toBe(200);
    expect((again.json() as SyncBatchResponse).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await bundleCount()).toBe(before + 2);
  });

  it('answers conflict for the same id with other content, and keeps the first', async () => {
    const original = await sealedItem(s.engagement);
    expect((await post({ items: [original] })).json().results[0].status).toBe('stored');
    const other = await sealedItem(s.engagement, { id: original.id, answers: { visit: { yesno: 'no' } } });
    const res = (await post({ items: [other] })).json() as SyncBatchResponse;
    expect(res.results[0]).toEqual({ id: original.id, status: 'conflict', reason: REASONS.conflict });
    await drain();
    const row = await s.database.db.selectFrom('bundles').select('answers_json').where('id', '=', original.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers_json).visit).toEqual({ yesno: 'yes' });
  });

  it('answers retry for a new bundle whose attachment has not arrived, and stores nothing of it', async () => {
    const missing = '0'.repeat(64);
    const needs = await sealedItem(s.engagement, { attachments: [{ sha256: missing, type: 'image/jpeg', size: 10, kind: 'receipt' }] });
    const plain = await sealedItem(s.engagement);
    const res = (await post({ items: [needs, plain] })).json() as SyncBatchResponse;
    expect(res.results.map((r) => [r.id, r.status])).toEqual([
      [needs.id, 'retry'],
      [plain.id, 'stored'],
    ]);
    expect(await s.database.db.selectFrom('inbox').select('id').where('id', '=', needs.id).execute()).toEqual([]);
    // an id already stored is answered by the unique key first: not kept waiting for attachments it names
    expect((await post({ items: [{ ...plain, attachments: [missing] }] })).json().results[0].status).toBe('duplicate');
  });

  it('rejects an unknown version and a malformed item at once; a tampered ciphertext is kept but never opened', async () => {
    const before = await bundleCount();
    const good = await sealedItem(s.engagement);
    const tampered = await sealedItem(s.engagement);
    const ct = Buffer.from(tampered.envelope.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    tampered.envelope.ct = ct.toString('base64');
    const moved = await sealedItem(s.engagement);
    const unknown = { ...(await sealedItem(s.engagement)), engagementVersionId: 'no-such-version' };
    const malformed = { id: crypto.randomUUID(), engagementVersionId: s.engagement.versionId, envelope: { v: 2 } };
    const res = (
      await post({ items: [good, tampered, { ...moved, id: crypto.randomUUID() }, unknown, malformed] })
    ).json() as SyncBatchResponse;
    // acknowledged on commit (decryption happens after), so tampering is found by the opener
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'rejected', 'rejected']);
    expect(res.results[3]?.reason).toBe(REASONS.unknownVersion);
    expect(res.results[4]?.reason).toBe(REASONS.malformed);
    expect(await bundleCount()).toBe(before + 1);
    expect(await inboxRow(tampered.id)).toEqual({ state: 'failed', reason: REASONS.unreadable });
    // a ciphertext moved to another bundle id fails its bound data
    const movedId = res.results[2]?.id as string;
    expect(await inboxRow(movedId)).toEqual({ state: 'failed', reason: REASONS.unreadable });
    expect(await inboxRow(good.id)).toEqual({ state: 'opened', reason: null });
  });

  it('rejects a bundle whose sealed content is not a valid bundle', async () => {
    const bad = await sealedItem(s.engagement, { answers: { visit: { face: 9 } } as never });
    const res = (await post({ items: [bad] })).json() as SyncBatchResponse;
    expect(res.results[0]).toMatchObject({ status: 'stored' });
    await drain();
    expect(await inboxRow(bad.id)).toEqual({ state: 'failed', reason: REASONS.invalidContent });
    const rows = await s.database.db.selectFrom('bundles').select('id').where('id', '=', bad.id).execute();
    expect(rows).toEqual([]);
  });

  it('records the device last sync time and the queue left once the batch is answered', async () => {
    await post({ items: [await sealedItem(s.engagement)], queueSize: 7 });
    const d = await s.database.db.selectFrom('devices').selectAll().where('id', '=', s.deviceId).executeTakeFirstOrThrow();
    // the one item was taken: six still wait on the device
    expect(d.last_queue_size).toBe(6);
    expect(d.last_sync_at).toMatch(/Z$/);
    await post({ items: [await sealedItem(s.engagement)], queueSize: 1 });
    const after = await s.database.db
      .selectFrom('devices')
      .select('last_queue_size')
      .where('id', '=', s.deviceId)
      .executeTakeFirstOrThrow();
    expect(after.last_queue_size).toBe(0);
  });

  it('refuses requests without a valid device token, with a clear message', async () => {
    const items = [await sealedItem(s.engagement)];
    const none = await s.app.inject({ method: 'POST', url: '/api/sync/batches', payload: { items } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('device_not_enrolled');
    const forged = await post({ items }, 'x'.repeat(43));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error).toBe('device_unknown');
  });

  it('answers 4xx, never 5xx, to malformed batches, and writes nothing', async () => {
    const before = await bundleCount();
    const cases: Array<[unknown, number]> = [
      ['{not json', 400],
      [{}, 400],
      [{ items: [] }, 400],
      [{ items: 'x' }, 400],
      [{ items: [{ no: 'id' }] }, 400],
      [{ items: [1] }, 400],
      [{ items: [{ id: 'a' }, { id: 'a' }] }, 400],
      [{ items: [{ id: 'a' }], extra: true }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().message).toEqual(expect.any(String));
    }
    const wrongType = await post('items=1', s.token, { 'content-type': 'text/plain' });
    expect(wrongType.statusCode).toBe(415);
    const huge = await post({ items: [{ id: 'a', pad: 'x'.repeat(5 * 1024 * 1024) }] });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too_large');
    expect(await bundleCount()).toBe(before);
  });
});

describe('GET /api/health', () => {
  it('reports the database it runs on', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const dialect = inject('pgUrl') ? 'postgres' : 'sqlite';
    expect(res.json()).toMatchObject({ status: 'ok', database: { dialect, ok: true } });
  });
});
