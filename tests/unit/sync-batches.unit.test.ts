import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attachmentBytes } from '../../src/server/services/attachments';
import { VersionKeys } from '../../src/server/services/engagements';
import { openAll } from '../../src/server/services/opener';
import { REASONS } from '../../src/server/services/reasons';
import { BATCH_FRAME_TYPE, frameBatch } from '../../src/shared/batch-frame';
import { SYNC_LIMITS, type SyncBatchResponse } from '../../src/shared/protocol';
import { startTestApp, type TestServer } from '../support/app';
import { sealedItem, sealedWithAttachments } from '../support/bundles';

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
    const huge = await post({ items: [{ id: 'a', pad: 'x'.repeat(SYNC_LIMITS.maxBatchBytes) }] });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too_large');
    expect(await bundleCount()).toBe(before);
  });
});

/** Posts a framed body: the batch's JSON, then the attachments' bytes. */
async function postFramed(json: unknown, bytes: Uint8Array[]) {
  const body = frameBatch(
    typeof json === 'string' ? json : JSON.stringify(json),
    bytes.map((b) => new Blob([b as BlobPart])),
  );
  return s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': BATCH_FRAME_TYPE },
    payload: Buffer.from(await body.arrayBuffer()),
  });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const inlineOf = (sealed: Uint8Array[]) => sealed.map((b) => ({ sha256: sha256(b), size: b.length }));
const receipt = (n: number) => ({ kind: 'receipt' as const, type: 'image/jpeg', bytes: new Uint8Array(n).map((_, i) => (i * 7) % 256) });

async function uploadRows(shas: string[]) {
  return s.database.db.selectFrom('attachment_uploads').select(['sha256', 'complete']).where('sha256', 'in', shas).execute();
}

describe('a batch with its attachments inside it (framed)', () => {
  it('stores the bundles and their attachments whole in one request; sent again, it is duplicate', async () => {
    const one = await sealedWithAttachments(s.engagement, [receipt(10_000), receipt(20_000)]);
    const two = await sealedWithAttachments(s.engagement, [receipt(5_000)]);
    const sealed = [...one.sealed, ...two.sealed];
    const batch = { queueSize: 2, items: [one.item, two.item], inline: inlineOf(sealed) };
    const res = await postFramed(batch, sealed);
    expect(res.statusCode).toBe(200);
    expect((res.json() as SyncBatchResponse).results.map((r) => r.status)).toEqual(['stored', 'stored']);
    for (const b of sealed)
      expect(Buffer.compare(await attachmentBytes(s.database.db, { sha256: sha256(b), deviceId: s.deviceId }), b)).toBe(0);
    await drain();
    const rows = await s.database.db
      .selectFrom('bundles')
      .select(['id', 'attachment_count'])
      .where('id', 'in', [one.item.id, two.item.id])
      .orderBy('attachment_count')
      .execute();
    expect(rows.map((r) => Number(r.attachment_count))).toEqual([1, 2]);
    // a resend (its answer was lost): nothing doubled
    const again = await postFramed(batch, sealed);
    expect((again.json() as SyncBatchResponse).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const chunks = await s.database.db
      .selectFrom('attachment_chunks')
      .select('sha256')
      .where(
        'sha256',
        'in',
        inlineOf(sealed).map((a) => a.sha256),
      )
      .execute();
    expect(chunks).toHaveLength(3);
  });

  it('answers retry for a bundle whose attachment does not match its hash, stores nothing of it, and takes the rest', async () => {
    const bad = await sealedWithAttachments(s.engagement, [receipt(8_000)]);
    const good = await sealedWithAttachments(s.engagement, [receipt(9_000)]);
    const [badBytes, goodBytes] = [bad.sealed[0] as Uint8Array, good.sealed[0] as Uint8Array];
    const changed = badBytes.slice();
    changed[100] = (changed[100] ?? 0) ^ 1;
    const res = await postFramed({ items: [bad.item, good.item], inline: inlineOf([badBytes, goodBytes]) }, [changed, goodBytes]);
    expect((res.json() as SyncBatchResponse).results.map((r) => [r.id, r.status])).toEqual([
      [bad.item.id, 'retry'],
      [good.item.id, 'stored'],
    ]);
    expect(await uploadRows([sha256(badBytes)])).toEqual([]);
    expect(await uploadRows([sha256(goodBytes)])).toEqual([{ sha256: sha256(goodBytes), complete: 1 }]);
  });

  it('replaces a part-made chunked upload of the same attachment with the whole', async () => {
    const item = await sealedWithAttachments(s.engagement, [receipt(12_000)]);
    const bytes = item.sealed[0] as Uint8Array;
    const sha = sha256(bytes);
    // a chunked upload of it that stopped half way, and one started with the wrong size
    const put = await s.app.inject({
      method: 'PUT',
      url: `/api/sync/attachments/${sha}?offset=0&size=${bytes.length + 5}`,
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(bytes.subarray(0, 4096)),
    });
    expect(put.statusCode).toBe(200);
    const res = await postFramed({ items: [item.item], inline: inlineOf([bytes]) }, [bytes]);
    expect((res.json() as SyncBatchResponse).results[0]?.status).toBe('stored');
    expect(Buffer.compare(await attachmentBytes(s.database.db, { sha256: sha, deviceId: s.deviceId }), bytes)).toBe(0);
  });

  it('keeps no attachment that no bundle taken in the batch names', async () => {
    const bad = await sealedWithAttachments(s.engagement, [receipt(4_000)]);
    const badBytes = bad.sealed[0] as Uint8Array;
    // a bundle the server rejects (an engagement version it does not know) and bytes no bundle names
    const unknown = { ...bad.item, engagementVersionId: 'no-such-version' };
    const stray = new Uint8Array(2_000).map((_, i) => (i * 13) % 256);
    const plain = await sealedItem(s.engagement);
    const res = await postFramed({ items: [unknown, plain], inline: inlineOf([badBytes, stray]) }, [badBytes, stray]);
    expect((res.json() as SyncBatchResponse).results.map((r) => r.status)).toEqual(['rejected', 'stored']);
    expect(await uploadRows([sha256(badBytes), sha256(stray)])).toEqual([]);
  });

  it('answers a batch sent several times at once (a resend racing its first try) without a 5xx, and keeps one copy', async () => {
    // forty times: on PostgreSQL the writes of one attachment used to deadlock in about one race in ten
    for (let round = 0; round < 40; round++) {
      const item = await sealedWithAttachments(s.engagement, [receipt(6_000)]);
      const bytes = item.sealed[0] as Uint8Array;
      const batch = { items: [item.item], inline: inlineOf([bytes]) };
      const answers = await Promise.all([1, 2, 3].map(() => postFramed(batch, [bytes])));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      expect(answers.map((a) => (a.json() as SyncBatchResponse).results[0]?.status).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
      const chunks = await s.database.db.selectFrom('attachment_chunks').select('offset').where('sha256', '=', sha256(bytes)).execute();
      expect(chunks.map((c) => Number(c.offset))).toEqual([0]);
    }
  });

  it('answers chunks of one upload sent several times at once with 200 or a 409 to resume, never a 5xx', async () => {
    const bytes = new Uint8Array(9_000).map((_, i) => (i * 29) % 256);
    const sha = sha256(bytes);
    const put = (offset: number, part: Uint8Array) =>
      s.app.inject({
        method: 'PUT',
        url: `/api/sync/attachments/${sha}?offset=${offset}&size=${bytes.length}`,
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/octet-stream' },
        payload: Buffer.from(part),
      });
    const first = await Promise.all([1, 2, 3].map(() => put(0, bytes.subarray(0, 4_000))));
    expect(first.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of first.filter((x) => x.statusCode === 409)) expect(r.json().error).toBe('wrong_offset');
    // the last part: once one has made it whole, the others are told it is whole
    const last = await Promise.all([1, 2, 3].map(() => put(4_000, bytes.subarray(4_000))));
    expect(last.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(last.map((r) => r.json().complete)).toEqual([true, true, true]);
    expect(Buffer.compare(await attachmentBytes(s.database.db, { sha256: sha, deviceId: s.deviceId }), Buffer.from(bytes))).toBe(0);
  });

  it('answers 4xx, never 5xx, to frames that do not add up, and writes nothing', async () => {
    const before = await bundleCount();
    const item = await sealedWithAttachments(s.engagement, [receipt(3_000)]);
    const bytes = item.sealed[0] as Uint8Array;
    const sha = sha256(bytes);
    const ok = { items: [item.item], inline: inlineOf([bytes]) };
    const raw = (payload: Buffer) =>
      s.app.inject({
        method: 'POST',
        url: '/api/sync/batches',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': BATCH_FRAME_TYPE },
        payload,
      });
    const cases: Array<[string, Promise<Awaited<ReturnType<typeof raw>>>, number]> = [
      ['shorter than its length', raw(Buffer.from([0, 0])), 400],
      ['a length past its end', raw(Buffer.concat([Buffer.from([0, 0, 1, 0]), Buffer.from('{}')])), 400],
      ['a byte more than listed', postFramed(ok, [bytes, new Uint8Array(1)]), 400],
      ['a byte less than listed', postFramed(ok, [bytes.subarray(1)]), 400],
      ['not JSON', postFramed('{not json', []), 400],
      ['not UTF-8', raw(Buffer.from([0, 0, 0, 2, 0xff, 0xfe])), 400],
      ['a poisoned prototype', postFramed(`{"items":[{"id":"a"}],"__proto__":{"x":1}}`, []), 400],
      ['an attachment listed twice', postFramed({ ...ok, inline: [...ok.inline, ...ok.inline] }, [bytes, bytes]), 400],
      ['an attachment above one chunk', postFramed({ ...ok, inline: [{ sha256: sha, size: SYNC_LIMITS.chunkBytes + 1 }] }, []), 400],
      ['a hash that is not one', postFramed({ ...ok, inline: [{ sha256: 'x', size: bytes.length }] }, [bytes]), 400],
      ['no items', postFramed({ items: [], inline: ok.inline }, [bytes]), 400],
      ['larger than a batch', raw(Buffer.alloc(SYNC_LIMITS.maxBatchBytes + 1)), 413],
    ];
    for (const [what, res, status] of cases) {
      const r = await res;
      expect(r.statusCode, what).toBe(status);
      expect(r.json().message, what).toEqual(expect.any(String));
    }
    // attachments inside a plain JSON body have nowhere to be
    expect((await post(ok)).statusCode).toBe(400);
    expect(await uploadRows([sha])).toEqual([]);
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
