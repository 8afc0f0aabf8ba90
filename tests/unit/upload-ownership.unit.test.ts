/** An attachment upload belongs to the device that started it: another device can neither claim nor probe it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import { sha256Hex } from '../../src/shared/bytes';
import { startTestApp, type TestServer } from '../support/app';
import { sealedWithAttachments } from '../support/bundles';

let s: TestServer;
let other: string;
beforeAll(async () => {
  s = await startTestApp();
  const { code } = await createEnrolmentCode(s.database.db, null);
  other = (await enrolDevice(s.database.db, { code, name: 'Other tablet' })).token;
});
afterAll(async () => {
  await s.close();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const url = (sha: string) => `/api/sync/attachments/${sha}`;
const state = (sha: string, token: string, method: 'GET' | 'HEAD' = 'GET') => s.app.inject({ method, url: url(sha), headers: as(token) });
const put = (sha: string, token: string, offset: number, size: number, chunk: Uint8Array) =>
  s.app.inject({
    method: 'PUT',
    url: `${url(sha)}?offset=${offset}&size=${size}`,
    headers: { ...as(token), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(chunk),
  });
const batch = (token: string, items: unknown[]) =>
  s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { ...as(token), 'content-type': 'application/json' },
    payload: { items },
  });

async function receiptBundle() {
  const receipt = new Uint8Array(4096).map((_, i) => (i * 7) % 253);
  const { item, sealed } = await sealedWithAttachments(s.engagement, [{ kind: 'receipt', type: 'image/jpeg', bytes: receipt }]);
  const bytes = sealed[0] as Uint8Array<ArrayBuffer>;
  return { item, bytes, sha: await sha256Hex(bytes) };
}

describe('upload slots belong to their device', () => {
  it('another device sees no slot, cannot claim it with a wrong size, and the owner finishes and is stored', async () => {
    const { item, bytes, sha } = await receiptBundle();
    const half = 2048;
    expect((await put(sha, s.token, 0, bytes.length, bytes.subarray(0, half))).statusCode).toBe(200);

    // probing answers as if nothing were there, on GET and on HEAD
    expect((await state(sha, other)).json()).toEqual({ sha256: sha, received: 0, complete: false });
    const head = await state(sha, other, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String((await state(sha, other)).body.length));

    // a wrong size starts the other device's own slot, and cannot move or break the owner's
    expect((await put(sha, other, 0, bytes.length + 5, bytes.subarray(0, 10))).json()).toEqual({
      sha256: sha,
      received: 10,
      complete: false,
    });
    expect((await put(sha, other, half, bytes.length, bytes.subarray(half))).statusCode).toBe(409);
    expect((await state(sha, s.token)).json()).toEqual({ sha256: sha, received: half, complete: false });

    const last = await put(sha, s.token, half, bytes.length, bytes.subarray(half));
    expect(last.json()).toEqual({ sha256: sha, received: bytes.length, complete: true });
    expect((await state(sha, other)).json()).toEqual({ sha256: sha, received: 10, complete: false });
    expect((await batch(s.token, [item])).json().results[0].status).toBe('stored');
  });

  it("a bundle from another device cannot lean on this device's complete upload", async () => {
    const { item, bytes, sha } = await receiptBundle();
    expect((await put(sha, s.token, 0, bytes.length, bytes)).json().complete).toBe(true);
    expect((await state(sha, other)).json().complete).toBe(false);
    expect((await batch(other, [item])).json().results[0].status).toBe('retry');
  });

  it('two devices uploading the same sealed bytes each complete their own upload', async () => {
    const { bytes, sha } = await receiptBundle();
    expect((await put(sha, other, 0, bytes.length, bytes)).json().complete).toBe(true);
    expect((await put(sha, s.token, 0, bytes.length, bytes)).json().complete).toBe(true);
    const rows = await s.database.db.selectFrom('attachment_uploads').select(['device_id', 'complete']).where('sha256', '=', sha).execute();
    expect(rows.map((r) => Number(r.complete))).toEqual([1, 1]);
    expect(new Set(rows.map((r) => r.device_id)).size).toBe(2);
  });
});
