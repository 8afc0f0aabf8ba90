/**
 * Opening sealed attachments for staff (issues 5 and 7): a receipt image for finance, a voice clip for an
 * analyst. Right bytes back with their real media type, never cached, every read audited; a changed
 * attachment, one sealed for another bundle and a non-image "receipt" are refused with a clear 4xx; other
 * roles get 403 and a device token 401.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { eraseByReference } from '../../src/server/services/erasure';
import { openBundleAttachment } from '../../src/server/services/sealed-attachments';
import type { Claim } from '../../src/shared/claims';
import { openAcknowledged, startTestApp, type TestServer, uploadAttachment } from '../support/app';
import { type PlainAttachment, sealedWithAttachments } from '../support/bundles';
import { ORIGIN, staffCookie } from '../support/staff';

const JPEG = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/receipt.jpg')));
// a WebM clip starts with the EBML magic; the rest does not matter to the server
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...crypto.getRandomValues(new Uint8Array(500))]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const claimWith = (receipt: number, imageSha: string): Claim => ({
  lines: [{ category: 'public_transport', amountPence: 420, receipt, receiptSha256: imageSha }],
  payment: { method: 'cash', handedOverPence: 420, facilitatorRecorded: true, participantConfirmed: true },
  declaration: { kind: 'typed', name: 'Ann Example' },
  at: new Date().toISOString(),
});

let s: TestServer;
let keys: VersionKeys;
const ids: Record<string, string> = {};
let reference = '';
const cookies: Record<string, string> = {};

async function send(files: PlainAttachment[], overrides: Parameters<typeof sealedWithAttachments>[2]) {
  const made = await sealedWithAttachments(s.engagement, files, overrides);
  for (const bytes of made.sealed) await uploadAttachment(s, bytes);
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ items: [made.item] }),
  });
  expect(res.json().results[0].status).toBe('stored');
  return made;
}

beforeAll(async () => {
  s = await startTestApp();
  keys = new VersionKeys(s.database.db, s.serverKey);
  for (const role of ['finance', 'analyst', 'organiser', 'admin'] as const) cookies[role] = (await staffCookie(s, [role])).cookie;
  // answers with a voice clip (attachment 0) and a bus fare with its receipt photo (attachment 1)
  const good = await send(
    [
      { kind: 'voice', type: 'audio/webm;codecs=opus', bytes: WEBM },
      { kind: 'receipt', type: 'image/jpeg', bytes: JPEG },
    ],
    () => ({ answers: { voice: { voice: 0 } }, claim: claimWith(1, sha(JPEG)) }),
  );
  ids.good = good.item.id;
  // a "receipt" that is not an image
  ids.text = (
    await send([{ kind: 'receipt', type: 'image/jpeg', bytes: new TextEncoder().encode('not a picture at all') }], () => ({
      claim: claimWith(0, sha(new TextEncoder().encode('not a picture at all'))),
    }))
  ).item.id;
  // a bundle that names the first bundle's receipt as its own: the bytes are whole, but not sealed for it
  ids.borrowed = (
    await send([], () => ({
      attachments: [good.payload.attachments[1] as NonNullable<(typeof good.payload.attachments)[1]>],
      claim: claimWith(0, sha(JPEG)),
    }))
  ).item.id;
  // a receipt whose stored bytes are changed after they arrived
  const tampered = await send([{ kind: 'receipt', type: 'image/jpeg', bytes: JPEG.slice(0, 2000) }], () => ({
    claim: claimWith(0, sha(JPEG.slice(0, 2000))),
  }));
  ids.tampered = tampered.item.id;
  // a participant who later asks for their data to be erased
  const erasable = await send(
    [
      { kind: 'voice', type: 'audio/webm', bytes: WEBM },
      { kind: 'receipt', type: 'image/jpeg', bytes: JPEG },
    ],
    () => ({ answers: { voice: { voice: 0 } }, claim: claimWith(1, sha(JPEG)) }),
  );
  ids.erasable = erasable.item.id;
  reference = erasable.payload.referenceCode;
  await openAcknowledged(s);
  const chunk = await s.database.db
    .selectFrom('attachment_chunks')
    .select('data')
    .where('sha256', '=', tampered.item.attachments?.[0] as string)
    .executeTakeFirstOrThrow();
  const bytes = Buffer.from(chunk.data);
  bytes[100] = (bytes[100] ?? 0) ^ 0xff;
  await s.database.db
    .updateTable('attachment_chunks')
    .set({ data: bytes })
    .where('sha256', '=', tampered.item.attachments?.[0] as string)
    .execute();
});
afterAll(async () => {
  await s.close();
});

const get = (url: string, headers: Record<string, string>) => s.app.inject({ method: 'GET', url, headers: { origin: ORIGIN, ...headers } });
const receipt = (id: string, line = 0) => `/api/finance/claims/${id}/lines/${line}/receipt`;
const voice = (bundleId: string, q = 'voice') => `/api/staff/insight/${s.engagement.engagementId}/voice/${bundleId}/${q}`;
const auditOf = (action: string) =>
  s.database.db.selectFrom('audit_events').select(['actor', 'subject', 'detail_json']).where('action', '=', action).execute();

describe('opening a sealed attachment (service)', () => {
  it('gives back the plain bytes, by sealed hash or by index', async () => {
    const good = await s.database.db
      .selectFrom('claim_lines')
      .select('receipt_sha256')
      .where('claim_id', '=', ids.good as string)
      .executeTakeFirstOrThrow();
    const r = await openBundleAttachment(s.database.db, keys, ids.good as string, {
      sha256: good.receipt_sha256 as string,
      plainSha256: sha(JPEG),
    });
    expect(r.ref.kind).toBe('receipt');
    expect(sha(r.bytes)).toBe(sha(JPEG));
    const v = await openBundleAttachment(s.database.db, keys, ids.good as string, { index: () => 0 });
    expect(Buffer.compare(v.bytes, Buffer.from(WEBM))).toBe(0);
  });

  it('refuses changed bytes, bytes sealed for another bundle, a wrong plain hash and an unknown bundle', async () => {
    const line = (id: string) =>
      s.database.db.selectFrom('claim_lines').select('receipt_sha256').where('claim_id', '=', id).executeTakeFirstOrThrow();
    const open = async (id: string, plainSha256?: string) =>
      openBundleAttachment(s.database.db, keys, id, { sha256: (await line(id)).receipt_sha256 as string, plainSha256 }).then(
        () => 'opened',
        (e: { statusCode: number }) => e.statusCode,
      );
    expect(await open(ids.tampered as string)).toBe(422);
    expect(await open(ids.borrowed as string)).toBe(422);
    expect(await open(ids.good as string, sha(new Uint8Array([1])))).toBe(422);
    expect(await open(ids.good as string)).toBe('opened');
    await expect(openBundleAttachment(s.database.db, keys, crypto.randomUUID(), { index: () => 0 })).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe('GET a receipt image (finance)', () => {
  it('finance gets the image, as image/jpeg, not cached, and the read is audited', async () => {
    const res = await get(receipt(ids.good as string), { cookie: cookies.finance as string });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(sha(res.rawPayload)).toBe(sha(JPEG));
    const entries = await auditOf('claim.receipt_read');
    expect(entries).toContainEqual(expect.objectContaining({ subject: `claim:${ids.good}`, detail_json: JSON.stringify({ line: 0 }) }));
    expect(entries[0]?.actor).toMatch(/^staff:finance-/);
    const claim = await get(`/api/finance/claims/${ids.good}`, { cookie: cookies.finance as string });
    expect(claim.json().lines[0].hasReceipt).toBe(true);
  });

  it('a changed or borrowed receipt is refused (422), a non-image is 415, and nothing is audited for them', async () => {
    const before = (await auditOf('claim.receipt_read')).length;
    for (const id of [ids.tampered, ids.borrowed]) {
      const res = await get(receipt(id as string), { cookie: cookies.finance as string });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toMatch(/changed/);
    }
    const text = await get(receipt(ids.text as string), { cookie: cookies.finance as string });
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toBe('This receipt is not a JPEG, PNG or WebP image, so it cannot be shown.');
    expect((await auditOf('claim.receipt_read')).length).toBe(before);
  });

  it('no such line, no such claim and a bad line number are clear 4xx', async () => {
    expect((await get(receipt(ids.good as string, 5), { cookie: cookies.finance as string })).statusCode).toBe(404);
    expect((await get(receipt(crypto.randomUUID()), { cookie: cookies.finance as string })).statusCode).toBe(404);
    const bad = await get(`/api/finance/claims/${ids.good}/lines/one/receipt`, { cookie: cookies.finance as string });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBeTruthy();
  });

  it('other roles get 403 and a device token 401, with no image bytes', async () => {
    for (const role of ['analyst', 'organiser', 'admin']) {
      const res = await get(receipt(ids.good as string), { cookie: cookies[role] as string });
      expect(res.statusCode, role).toBe(403);
      expect(res.headers['content-type']).toContain('application/json');
    }
    expect((await get(receipt(ids.good as string), { authorization: `Bearer ${s.token}` })).statusCode).toBe(401);
    expect((await get(receipt(ids.good as string), {})).statusCode).toBe(401);
  });
});

describe('GET a voice answer (analyst)', () => {
  it('the analyst gets the clip with its real type, not cached, and the playback is audited', async () => {
    const res = await get(voice(ids.good as string), { cookie: cookies.analyst as string });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/webm');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(res.rawPayload, Buffer.from(WEBM))).toBe(0);
    const entries = await auditOf('answer.voice_played');
    expect(entries).toContainEqual(
      expect.objectContaining({
        subject: `engagement:${s.engagement.engagementId}`,
        detail_json: JSON.stringify({ bundleId: ids.good, questionId: 'voice' }),
      }),
    );
  });

  it('a question without a clip, another engagement and a bad id are clear 4xx', async () => {
    const a = { cookie: cookies.analyst as string };
    expect((await get(voice(ids.good as string, 'visit'), a)).statusCode).toBe(404);
    expect((await get(voice(ids.text as string), a)).statusCode).toBe(404);
    const other = `/api/staff/insight/${crypto.randomUUID()}/voice/${ids.good}/voice`;
    expect((await get(other, a)).statusCode).toBe(404);
    expect((await get(voice('not-a-uuid'), a)).statusCode).toBe(400);
  });

  it('finance, organiser and admin get 403; a device token 401', async () => {
    for (const role of ['finance', 'organiser', 'admin']) {
      expect((await get(voice(ids.good as string), { cookie: cookies[role] as string })).statusCode, role).toBe(403);
    }
    expect((await get(voice(ids.good as string), { authorization: `Bearer ${s.token}` })).statusCode).toBe(401);
  });
});

describe('after erasure', () => {
  it('the receipt and the voice clip of an erased participant are gone: 410, with a clear message', async () => {
    const f = { cookie: cookies.finance as string };
    const a = { cookie: cookies.analyst as string };
    expect((await get(receipt(ids.erasable as string), f)).statusCode).toBe(200);
    expect((await get(voice(ids.erasable as string), a)).statusCode).toBe(200);
    await eraseByReference(s.database.db, reference, 'staff:admin@example.org', 'Asked in person');
    for (const res of [await get(receipt(ids.erasable as string), f), await get(voice(ids.erasable as string), a)]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().message).toMatch(/erased/);
    }
  });
});
