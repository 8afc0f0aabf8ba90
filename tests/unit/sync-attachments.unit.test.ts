import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { importExport, parseExport } from '../../src/server/services/import';
import { openAll } from '../../src/server/services/opener';
import { REASONS } from '../../src/server/services/reasons';
import { sha256Hex, toBase64, utf8 } from '../../src/shared/bytes';
import { importEngagementPublicKey, seal, sealAttachment } from '../../src/shared/envelope';
import type { ExportFile, SyncBatchResponse, SyncItem } from '../../src/shared/protocol';
import { startTestApp, type TestServer } from '../support/app';
import { payloadFor, sealedItem } from '../support/bundles';

let s: TestServer;
let keys: VersionKeys;
beforeAll(async () => {
  s = await startTestApp();
  keys = new VersionKeys(s.database.db, s.serverKey);
});
afterAll(async () => {
  await s.close();
});

const auth = () => ({ authorization: `Bearer ${s.token}` });

/** A bundle with one sealed "receipt" of `size` bytes, made as a device makes it. */
async function withReceipt(size = 300 * 1024): Promise<{ item: SyncItem; bytes: Uint8Array<ArrayBuffer>; sha: string }> {
  const payload = payloadFor(s.engagement);
  const key = await importEngagementPublicKey(s.engagement.publicKey);
  let bytes = new Uint8Array(0);
  let sha = '';
  const { envelope } = await seal(
    async (contentKey) => {
      const receipt = new Uint8Array(size).map((_, i) => (i * 31) % 251);
      bytes = await sealAttachment(contentKey, payload.id, 0, receipt);
      sha = await sha256Hex(bytes);
      payload.attachments = [{ sha256: sha, type: 'image/jpeg', size: bytes.length, kind: 'receipt' }];
      return utf8(JSON.stringify(payload));
    },
    key,
    payload.id,
    s.engagement.versionId,
  );
  return { item: { id: payload.id, engagementVersionId: s.engagement.versionId, envelope, attachments: [sha] }, bytes, sha };
}

function put(sha: string, offset: number, size: number, chunk: Uint8Array) {
  return s.app.inject({
    method: 'PUT',
    url: `/api/sync/attachments/${sha}?offset=${offset}&size=${size}`,
    headers: { ...auth(), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(chunk),
  });
}

function batch(items: unknown[]) {
  return s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { ...auth(), 'content-type': 'application/json' },
    payload: { items },
  });
}

describe('attachments before bundles', () => {
  it('a bundle whose attachment has not fully arrived is not taken (retry); resumed chunks complete it; then it is stored', async () => {
    const { item, bytes, sha } = await withReceipt();
    expect((await batch([item])).json().results[0]).toEqual({ id: item.id, status: 'retry', reason: REASONS.attachmentsMissing });

    const half = 128 * 1024;
    expect((await put(sha, 0, bytes.length, bytes.subarray(0, half))).json()).toEqual({ sha256: sha, received: half, complete: false });
    // a lost answer makes the device resend a chunk: the server refuses the wrong offset and says where to resume
    const again = await put(sha, 0, bytes.length, bytes.subarray(0, half));
    expect(again.statusCode).toBe(409);
    const state = await s.app.inject({ method: 'GET', url: `/api/sync/attachments/${sha}`, headers: auth() });
    expect(state.json()).toEqual({ sha256: sha, received: half, complete: false });
    expect((await batch([item])).json().results[0].status).toBe('retry');

    let offset = half;
    while (offset < bytes.length) {
      const res = await put(sha, offset, bytes.length, bytes.subarray(offset, offset + half));
      expect(res.statusCode).toBe(200);
      offset = res.json().received;
    }
    const done = await s.app.inject({ method: 'GET', url: `/api/sync/attachments/${sha}`, headers: auth() });
    expect(done.json()).toEqual({ sha256: sha, received: bytes.length, complete: true });
    expect((await batch([item])).json().results[0].status).toBe('stored');
    await openAll(s.database.db, keys);
    const row = await s.database.db.selectFrom('bundles').select('attachment_count').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.attachment_count).toBe(1);
  });

  it('throws away an upload whose assembled bytes do not match their sha256', async () => {
    const { bytes, sha } = await withReceipt(1024);
    const bad = bytes.slice();
    bad[100] = (bad[100] ?? 0) ^ 1;
    const res = await put(sha, 0, bad.length, bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('hash_mismatch');
    const state = await s.app.inject({ method: 'GET', url: `/api/sync/attachments/${sha}`, headers: auth() });
    expect(state.json()).toEqual({ sha256: sha, received: 0, complete: false });
  });

  it('answers 4xx to bad attachment requests', async () => {
    const sha = 'a'.repeat(64);
    expect((await put('not-a-hash', 0, 3, new Uint8Array([1, 2, 3]))).statusCode).toBe(400);
    expect((await put(sha, 0, 2, new Uint8Array([1, 2, 3]))).statusCode).toBe(400);
    const noAuth = await s.app.inject({ method: 'GET', url: `/api/sync/attachments/${sha}` });
    expect(noAuth.statusCode).toBe(401);
  });

  it('a bundle listing attachments other than those sealed inside it is kept as failed, with a reason', async () => {
    const { item, bytes, sha } = await withReceipt(1024);
    expect((await put(sha, 0, bytes.length, bytes)).json().complete).toBe(true);
    const plain = await sealedItem(s.engagement);
    const lying = { ...plain, attachments: [sha] };
    expect((await batch([lying])).json().results[0].status).toBe('stored');
    await openAll(s.database.db, keys);
    const row = await s.database.db.selectFrom('inbox').select(['state', 'reason']).where('id', '=', lying.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'failed', reason: REASONS.attachmentsMismatch });
    expect(item.id).not.toBe(lying.id);
  });
});

describe('staff import of an export file', () => {
  it('imports new bundles with attachments, skips those already here, and holds conflicts and rejections with their reasons', async () => {
    const fresh = await withReceipt(2048);
    const already = await sealedItem(s.engagement);
    expect((await batch([already])).json().results[0].status).toBe('stored');
    const conflicting = await sealedItem(s.engagement, { id: already.id, answers: { visit: { yesno: 'no' } } });
    const unknown = { ...(await sealedItem(s.engagement)), engagementVersionId: 'gone-version' };
    const file: ExportFile = {
      format: 'blether-export/v1',
      exportedAt: new Date().toISOString(),
      deviceId: s.deviceId,
      deviceName: 'Test tablet',
      bundles: [fresh.item, already, conflicting, unknown].map((item) => ({ item, createdAt: new Date().toISOString() })),
      attachments: { [fresh.sha]: toBase64(fresh.bytes) },
    };
    const lines = await importExport(s.database.db, keys, parseExport(JSON.stringify(file)));
    expect(lines.map((l) => l.outcome)).toEqual(['imported', 'already on the server', 'held for staff', 'held for staff']);
    const held = await s.database.db.selectFrom('held_bundles').select(['bundle_id', 'status', 'reason']).execute();
    expect(held).toEqual(
      expect.arrayContaining([
        { bundle_id: already.id, status: 'conflict', reason: REASONS.conflict },
        { bundle_id: unknown.id, status: 'rejected', reason: REASONS.unknownVersion },
      ]),
    );
    const stored = await s.database.db.selectFrom('bundles').select('id').where('id', '=', fresh.item.id).execute();
    expect(stored).toHaveLength(1);
    // importing the same file again changes nothing on the server's bundles
    const again = await importExport(s.database.db, keys, parseExport(JSON.stringify(file)));
    expect(again[0]?.outcome).toBe('already on the server');
  });

  it('refuses a file that is not an export, plainly', () => {
    expect(() => parseExport('{nope')).toThrow('not a Blether export');
    expect(() => parseExport(JSON.stringify({ format: 'other' }))).toThrow('not a Blether export');
  });
});

describe('a batch answers only after commit', () => {
  it('every acknowledged bundle is in the inbox, whatever the opener has done yet', async () => {
    const items = await Promise.all([1, 2, 3].map(() => sealedItem(s.engagement)));
    const res = (await batch(items)).json() as SyncBatchResponse;
    expect(res.results.every((r) => r.status === 'stored')).toBe(true);
    const rows = await s.database.db
      .selectFrom('inbox')
      .select('id')
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
    expect(rows).toHaveLength(3);
  });
});
