import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '../../src/db/index';
import { sealedSize } from '../../src/db/records';
import type { EngagementRecord, Sealed } from '../../src/db/schema';
import { closeSession, markSessionsReported, openSession, sessionReport, unreportedSessions } from '../../src/db/sessions';
import { finishBundle } from '../../src/device/finish';
import { ABANDONED_UPLOAD_DAYS, retentionJobs } from '../../src/server/retention';
import { attachmentBytes } from '../../src/server/services/attachments';
import { VersionKeys } from '../../src/server/services/engagements';
import { openAll } from '../../src/server/services/opener';
import { SYNC_LIMITS } from '../../src/shared/protocol';
import { SyncEngine } from '../../src/sync/engine';
import { startTestApp, type TestServer } from '../support/app';
import { slowLink } from '../support/slow-link';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

/** fetch for the engine, answered by the real server app (inject), with a hook to cut requests. */
function serverFetch(cut: (method: string, url: string) => boolean = () => false) {
  const log: string[] = [];
  const f = (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    log.push(`${method} ${url}`);
    if (cut(method, url)) throw new TypeError('Failed to fetch');
    const body = init.body;
    const res = await s.app.inject({
      method: method as 'GET',
      url,
      headers: init.headers as Record<string, string>,
      payload:
        body instanceof Blob
          ? Buffer.from(await body.arrayBuffer())
          : body instanceof Uint8Array
            ? Buffer.from(body)
            : (body as string | undefined),
    });
    return new Response(new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? '') },
    });
  }) as unknown as typeof fetch;
  return { f, log };
}

async function finishWithReceipt(bytes: number) {
  return finishWithReceipts([new Uint8Array(bytes).map((_, i) => i % 251)]);
}

/** A participant finishes with these receipt photos, as the app saves them. */
async function finishWithReceipts(receipts: Uint8Array<ArrayBuffer>[]) {
  const engagement = { ...s.engagement, downloadedAt: new Date().toISOString() } as EngagementRecord;
  return finishBundle({
    engagement,
    answers: { visit: { yesno: 'yes' } },
    locale: 'en',
    format: 'standard',
    consentAt: new Date().toISOString(),
    attachments: receipts.map((bytes) => ({ kind: 'receipt' as const, type: 'image/jpeg', bytes })),
  });
}

describe('sync engine against the real server', () => {
  it('uploads attachments in chunks before their bundles, resumes a cut upload where it stopped, and empties the outbox', async () => {
    const a = await finishWithReceipt(600 * 1024);
    const b = await finishWithReceipt(10 * 1024);
    const sha = (await outbox.waiting()).find((r) => r.id === a.id)?.attachments[0] as string;
    let cut = false;
    // the third chunk of the big receipt is cut: the first run fails and keeps everything
    const first = serverFetch((m, url) => {
      if (cut || m !== 'PUT' || !url.includes('offset=524288')) return false;
      cut = true;
      return true;
    });
    const engine = new SyncEngine({ outbox, getToken: async () => s.token, fetch: first.f, random: () => 0, chunkBytes: 256 * 1024 });
    expect((await engine.sync(true)).ok).toBe(false);
    expect(await outbox.counts()).toEqual({ waiting: 2, attention: 0 });
    expect(first.log.some((l) => l.startsWith('POST'))).toBe(false);

    const second = serverFetch();
    const engine2 = new SyncEngine({ outbox, getToken: async () => s.token, fetch: second.f, chunkBytes: 256 * 1024 });
    expect(await engine2.sync(true)).toEqual({ sent: 2, attention: 0, ok: true });
    const resumed = second.log.filter((l) => l.includes(`/api/sync/attachments/${sha}`));
    // 600 KB in 256 KB chunks: two were stored before the cut; a try at 0 is refused, the server says
    // where it stands, and only the last chunk goes again
    expect(resumed.map((l) => l.replace(`/api/sync/attachments/${sha}`, ''))).toEqual([
      'PUT ?offset=0&size=614428',
      'GET ',
      'PUT ?offset=524288&size=614428',
    ]);
    expect(await outbox.counts()).toEqual({ waiting: 0, attention: 0 });
    await openAll(s.database.db, new VersionKeys(s.database.db, s.serverKey));
    const rows = await s.database.db.selectFrom('bundles').select(['id', 'attachment_count']).where('id', 'in', [a.id, b.id]).execute();
    expect(rows.map((r) => Number(r.attachment_count))).toEqual([1, 1]);
  });

  it('on a link too slow for a full chunk in time, the next run sends smaller chunks from where the server stands', async () => {
    const a = await finishWithReceipt(300 * 1024);
    const sha = (await outbox.waiting()).find((r) => r.id === a.id)?.attachments[0] as string;
    // a link that carries 1 KB per 2 ms: a 256 KB chunk needs 512 ms, past the 400 ms limit; 128 KB needs 256 ms
    const server = serverFetch();
    const link = slowLink((_url, init) => ((init.body instanceof Blob ? init.body.size : 0) / 1024) * 2, server.f);
    const engine = new SyncEngine({
      outbox,
      getToken: async () => s.token,
      fetch: link,
      chunkBytes: 256 * 1024,
      requestTimeoutMs: 400,
      backoffBaseMs: 0,
      backoffCapMs: 0,
    });
    expect((await engine.sync(true)).ok).toBe(false);
    expect(engine.current.phase).toBe('slow');
    expect(await outbox.counts()).toEqual({ waiting: 1, attention: 0 });
    expect(await engine.sync(true)).toEqual({ sent: 1, attention: 0, ok: true });
    const size = 300 * 1024 + 28;
    // the first chunk never arrived; then 128 KB at a time, each in time
    expect(server.log.filter((l) => l.includes(sha)).map((l) => l.replace(`/api/sync/attachments/${sha}`, ''))).toEqual([
      `PUT ?offset=0&size=${size}`,
      `PUT ?offset=131072&size=${size}`,
      `PUT ?offset=262144&size=${size}`,
    ]);
    expect(await outbox.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('reports a closed session after the bundles, once, and keeps it when the server cannot be reached', async () => {
    const id = crypto.randomUUID();
    await openSession({
      id,
      engagementSlug: s.engagement.slug,
      venue: 'Food bank',
      area: 'G42',
      date: '2026-11-22',
      timeZone: 'Europe/London',
      openedAt: '2026-11-22T10:00:00.000Z',
      closedAt: null,
      attendance: null,
      notes: '',
      floatIssued: 3000,
      floatPaidOut: 0,
      floatReturned: null,
    });
    const sessions = {
      unreported: async () => (await unreportedSessions()).map(sessionReport),
      markReported: (ids: string[]) => markSessionsReported(ids),
    };
    // an open session is not reported
    const open = serverFetch();
    expect((await new SyncEngine({ outbox, getToken: async () => s.token, fetch: open.f, sessions }).sync(true)).ok).toBe(true);
    expect(open.log.filter((l) => l.includes('/api/sync/sessions'))).toEqual([]);

    await closeSession(id, { attendance: 9, notes: 'Rain', floatPaidOut: 1200, floatReturned: 1800 });
    const cut = serverFetch((m, url) => m === 'POST' && url === '/api/sync/sessions');
    expect((await new SyncEngine({ outbox, getToken: async () => s.token, fetch: cut.f, sessions, random: () => 0 }).sync(true)).ok).toBe(
      false,
    );
    expect((await unreportedSessions()).map((x) => x.id)).toEqual([id]);

    await finishWithReceipt(1024);
    const ok = serverFetch();
    expect(await new SyncEngine({ outbox, getToken: async () => s.token, fetch: ok.f, sessions }).sync(true)).toEqual({
      sent: 1,
      attention: 0,
      ok: true,
    });
    const posts = ok.log.filter((l) => l.startsWith('POST'));
    expect(posts).toEqual(['POST /api/sync/batches', 'POST /api/sync/sessions']);
    expect(await unreportedSessions()).toEqual([]);
    const row = await s.database.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ venue: 'Food bank', attendance: 9, notes: 'Rain' });
    expect(Number(row.float_paid_out_pence)).toBe(1200);

    const again = serverFetch();
    await new SyncEngine({ outbox, getToken: async () => s.token, fetch: again.f, sessions }).sync(true);
    expect(again.log.filter((l) => l.includes('/api/sync/sessions'))).toEqual([]);
  });
});

describe('attachments inside their batch', () => {
  it('a receipt of up to one chunk travels inside its batch: no request of its own, stored whole, opened', async () => {
    const small = [await finishWithReceipt(10 * 1024), await finishWithReceipt(300 * 1024)];
    const large = await finishWithReceipt(600 * 1024);
    const waiting = await outbox.waiting();
    const sealed = new Map<string, Buffer>();
    for (const r of waiting)
      for (const sha of r.attachments)
        sealed.set(sha, Buffer.from(await new Response((await outbox.attachment(sha))?.bytes).arrayBuffer()));
    const largeSha = waiting.find((r) => r.id === large.id)?.attachments[0] as string;
    const { f, log } = serverFetch();
    const engine = new SyncEngine({ outbox, getToken: async () => s.token, fetch: f, chunkBytes: 512 * 1024 });
    expect(await engine.sync(true)).toEqual({ sent: 3, attention: 0, ok: true });
    // only the receipt larger than a chunk made requests of its own
    expect(log.filter((l) => l.startsWith('PUT')).map((l) => l.split('?')[0])).toEqual([
      `PUT /api/sync/attachments/${largeSha}`,
      `PUT /api/sync/attachments/${largeSha}`,
    ]);
    expect(log.filter((l) => l.startsWith('POST'))).toEqual(['POST /api/sync/batches']);
    for (const [sha, bytes] of sealed)
      expect(Buffer.compare(await attachmentBytes(s.database.db, { sha256: sha, deviceId: s.deviceId }), bytes)).toBe(0);
    await openAll(s.database.db, new VersionKeys(s.database.db, s.serverKey));
    const ids = [...small, large].map((b) => b.id);
    const rows = await s.database.db.selectFrom('bundles').select(['attachment_count']).where('id', 'in', ids).execute();
    expect(rows.map((r) => Number(r.attachment_count))).toEqual([1, 1, 1]);
    expect(await outbox.counts()).toEqual({ waiting: 0, attention: 0 });
  });

  it('a batch with a receipt inside refused as too large (413) goes again with the receipt on its own', async () => {
    await finishWithReceipt(300 * 1024);
    const sha = (await outbox.waiting())[0]?.attachments[0] as string;
    const server = serverFetch();
    // a proxy in front that takes no batch above 200 KB
    const f = (async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST' && init.body instanceof Blob && init.body.size > 200 * 1024)
        return new Response(JSON.stringify({ error: 'too_large', message: 'Too large.' }), { status: 413 });
      return server.f(url, init);
    }) as typeof fetch;
    expect(await new SyncEngine({ outbox, getToken: async () => s.token, fetch: f }).sync(true)).toEqual({
      sent: 1,
      attention: 0,
      ok: true,
    });
    // the first try carried it inside (refused before the server); then it went in chunks, and the batch without it
    expect(server.log.map((l) => l.split('?')[0])).toEqual([`PUT /api/sync/attachments/${sha}`, 'POST /api/sync/batches']);
  });

  it('a bundle whose receipt does not fit in the batch bytes goes first in the next batch, its receipt inside it', async () => {
    await finishWithReceipt(10 * 1024);
    await finishWithReceipt(10 * 1024);
    const waiting = await outbox.waiting();
    const sealed = new Map<string, Buffer>();
    for (const r of waiting)
      for (const sha of r.attachments)
        sealed.set(sha, Buffer.from(await new Response((await outbox.attachment(sha))?.bytes).arrayBuffer()));
    const { f, log } = serverFetch();
    // room for both bundles and one receipt
    const maxBytes = waiting.reduce((sum, r) => sum + r.size, 0) + 15 * 1024;
    expect(await new SyncEngine({ outbox, getToken: async () => s.token, fetch: f, maxBytes, pipeline: 1 }).sync(true)).toEqual({
      sent: 2,
      attention: 0,
      ok: true,
    });
    // no request of their own: the second bundle and its receipt went in a batch after the first
    expect(log).toEqual(['POST /api/sync/batches', 'POST /api/sync/batches']);
    expect(sealed.size).toBe(2);
    for (const [sha, bytes] of sealed)
      expect(Buffer.compare(await attachmentBytes(s.database.db, { sha256: sha, deviceId: s.deviceId }), bytes)).toBe(0);
  });

  it('an attachment too large for any batch at its size goes on its own, and its bundle stays in the batch', async () => {
    await finishWithReceipt(10 * 1024);
    await finishWithReceipt(10 * 1024);
    const shas = (await outbox.waiting()).map((r) => r.attachments[0] as string);
    const { f, log } = serverFetch();
    // room for both bundles and 5 KB: a 10 KB receipt fits beside no bundle
    const maxBytes = (await outbox.waiting()).reduce((sum, r) => sum + r.size, 0) + 5 * 1024;
    expect(await new SyncEngine({ outbox, getToken: async () => s.token, fetch: f, maxBytes }).sync(true)).toEqual({
      sent: 2,
      attention: 0,
      ok: true,
    });
    expect(log.filter((l) => l.startsWith('POST'))).toEqual(['POST /api/sync/batches']);
    expect(
      log
        .filter((l) => l.startsWith('PUT'))
        .map((l) => l.split('?')[0])
        .sort(),
    ).toEqual(shas.map((sha) => `PUT /api/sync/attachments/${sha}`).sort());
  });
});

describe('many attachments in one batch', () => {
  it('carries at most the server limit inside a batch; the bundles past it go in the next batch, theirs inside it', async () => {
    // 11 bundles of 50 small receipts each: 550 attachments in one batch, above the 500 a batch may carry
    for (let b = 0; b < 11; b++) {
      await finishWithReceipts(
        Array.from({ length: SYNC_LIMITS.maxAttachments }, (_, i) => new Uint8Array(64).map((_, k) => (b * 50 + i + k) % 256)),
      );
    }
    const { f, log } = serverFetch();
    expect(await new SyncEngine({ outbox, getToken: async () => s.token, fetch: f }).sync(true)).toEqual({
      sent: 11,
      attention: 0,
      ok: true,
    });
    // ten bundles' 500 inside the first batch, the eleventh's 50 inside the second: no request of their own
    expect(log.filter((l) => l.startsWith('POST /api/sync/batches'))).toHaveLength(2);
    expect(log.filter((l) => l.startsWith('PUT'))).toEqual([]);
    expect(await outbox.counts()).toEqual({ waiting: 0, attention: 0 });
  });
});

describe('an upload the server keeps refusing', () => {
  it('stops at the first refusal, marks the bundle with the reason, and tries again only after a doubling wait', async () => {
    const a = await finishWithReceipt(10 * 1024);
    const rec = (await outbox.waiting()).find((r) => r.id === a.id);
    const sha = rec?.attachments[0] as string;
    const size = sealedSize((await outbox.attachment(sha))?.bytes as Sealed);
    // an upload of this hash already on record with another size (as a faulty client once made)
    const wrong = await s.app.inject({
      method: 'PUT',
      url: `/api/sync/attachments/${sha}?offset=0&size=${size + 1}`,
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(10),
    });
    expect(wrong.statusCode).toBe(200);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const run = async () => {
        const { f, log } = serverFetch();
        // chunks smaller than the receipt: it goes on its own (one inside its batch would replace the wrong upload)
        const report = await new SyncEngine({ outbox, getToken: async () => s.token, fetch: f, chunkBytes: 8 * 1024 }).sync(true);
        return { report, tries: log.filter((l) => l.includes(sha)) };
      };
      const first = await run();
      expect(first.report).toEqual({ sent: 0, attention: 1, ok: true });
      expect(first.tries).toEqual([`PUT /api/sync/attachments/${sha}?offset=0&size=${size}`]);
      const [held] = await outbox.attention();
      expect(held).toMatchObject({ id: a.id, status: 'refused', reason: 'This upload was started with another size.' });
      expect(Date.parse(held?.retryAt as string) - start).toBe(5 * 60_000);

      // another run before the wait is over leaves it alone
      expect((await run()).tries).toEqual([]);
      vi.setSystemTime(start + 5 * 60_000);
      const second = await run();
      expect(second.tries).toHaveLength(1);
      const [again] = await outbox.attention();
      expect(Date.parse(again?.retryAt as string) - (start + 5 * 60_000)).toBe(10 * 60_000);

      // once the server forgets the abandoned upload, the next try after the wait sends it whole
      const purge = retentionJobs(s.database.db).find((j) => j.name === 'purge-abandoned-uploads');
      await purge?.run(new Date(start + (ABANDONED_UPLOAD_DAYS + 1) * 86_400_000));
      vi.setSystemTime(start + 15 * 60_000);
      expect((await run()).report).toEqual({ sent: 1, attention: 0, ok: true });
      expect(await outbox.counts()).toEqual({ waiting: 0, attention: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
