/** The opener's worker pool opens bundles exactly as the main thread does: same rows stored, same refusals. */
import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import type { InboxRow } from '../../src/server/services/ingest';
import { ingestBatch } from '../../src/server/services/ingest';
import { agreement } from '../../src/server/services/open-envelope';
import { OpenPool } from '../../src/server/services/open-pool';
import { decryptWith, keysFor, openRows } from '../../src/server/services/open-row';
import { openAll } from '../../src/server/services/opener';
import { REASONS } from '../../src/server/services/reasons';
import type { Envelope } from '../../src/shared/envelope';
import { open } from '../../src/shared/envelope';
import type { SyncItem } from '../../src/shared/protocol';
import { startTestApp, type TestServer, uploadAttachment } from '../support/app';
import { sealedItem, sealedWithAttachments } from '../support/bundles';

let s: TestServer;
let keys: VersionKeys;
const pool = new OpenPool(2);
beforeAll(async () => {
  s = await startTestApp();
  keys = new VersionKeys(s.database.db, s.serverKey);
});
afterAll(async () => {
  await pool.close();
  await s.close();
});

/** Flips one bit of a base64 field of the envelope. */
function flip(item: SyncItem, field: 'ct' | 'wk' | 'iv'): SyncItem {
  const bytes = Buffer.from(item.envelope[field], 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return { ...item, envelope: { ...item.envelope, [field]: bytes.toString('base64') } };
}

/** Replaces the ephemeral public key with a point that is not on the curve. */
function offCurve(item: SyncItem): SyncItem {
  return { ...item, envelope: { ...item.envelope, epk: { ...item.envelope.epk, x: Buffer.alloc(32, 1).toString('base64url') } } };
}

/** Good bundles and every kind the opener must refuse, acknowledged into the inbox as the sync route does. */
async function acknowledged(): Promise<{ rows: InboxRow[]; expected: Map<string, string | null> }> {
  const good = await Promise.all(Array.from({ length: 9 }, () => sealedItem(s.engagement, { sessionId: null })));
  const other = await sealedItem(s.engagement);
  const voice = async () => {
    const clip = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...crypto.getRandomValues(new Uint8Array(64))]);
    const made = await sealedWithAttachments(s.engagement, [{ kind: 'voice', type: 'audio/webm;codecs=opus', bytes: clip }], () => ({
      answers: { voice: { voice: 0 } },
    }));
    await uploadAttachment(s, made.sealed[0] as Uint8Array);
    return made.item;
  };
  good.push(await voice());
  const refused: [SyncItem, string][] = [
    [flip(await sealedItem(s.engagement), 'ct'), REASONS.unreadable],
    [flip(await sealedItem(s.engagement), 'wk'), REASONS.unreadable],
    [flip(await sealedItem(s.engagement), 'iv'), REASONS.unreadable],
    [offCurve(await sealedItem(s.engagement)), REASONS.unreadable],
    [{ ...other, id: crypto.randomUUID() }, REASONS.unreadable],
    [await sealedItem(s.engagement, { answers: { visit: { face: 9 } } as never }), REASONS.invalidContent],
    // the bundle names a photo its sync item does not declare
    [{ ...(await voice()), attachments: [] }, REASONS.attachmentsMismatch],
  ];
  const items = [...good, ...refused.map(([i]) => i)];
  const results = await ingestBatch(s.database.db, keys, s.deviceId, items);
  expect(results.every((r) => r.status === 'stored')).toBe(true);
  const rows = await s.database.db
    .selectFrom('inbox')
    .selectAll()
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  const expected = new Map<string, string | null>([
    ...good.map((i) => [i.id, null] as const),
    ...refused.map(([i, r]) => [i.id, r] as const),
  ]);
  return { rows, expected };
}

describe('the opener pool', () => {
  it('opens every row exactly as the main thread does, refusals included', async () => {
    const { rows, expected } = await acknowledged();
    const versionKeys = await keysFor(rows, keys);
    const single = openRows(rows, versionKeys);
    const pooled = await pool.open(rows, versionKeys);
    expect(pooled).toEqual(single);
    expect(new Map(pooled.map((o) => [o.id, 'reason' in o ? o.reason : null]))).toEqual(expected);
    // a version the server does not know (no key): refused alike
    const unknown = rows.map((r) => ({ id: r.id, reason: REASONS.unknownVersion }));
    expect(await pool.open(rows, new Map())).toEqual(unknown);
    expect(openRows(rows, new Map())).toEqual(unknown);
  });

  it('decrypts with node:crypto exactly what WebCrypto decrypts, and refuses what it refuses', async () => {
    const { rows } = await acknowledged();
    const versionKeys = await keysFor(rows, keys);
    const key = (await keys.get(s.engagement.versionId)) as CryptoKey;
    for (const r of rows) {
      const web = await open(JSON.parse(r.envelope_json) as Envelope, key, r.id, r.engagement_version_id).then(
        (o) => Buffer.from(o.plaintext).toString('base64'),
        () => 'refused',
      );
      const node = decryptWith(r, agreement(versionKeys.get(r.engagement_version_id) as KeyObject));
      expect('plaintext' in node ? Buffer.from(node.plaintext).toString('base64') : 'refused').toBe(web);
    }
  });

  it('stores through the pool the rows the main thread would store, and keeps the refused with their reason', async () => {
    const { rows, expected } = await acknowledged();
    const want = openRows(rows, await keysFor(rows, keys)).flatMap((o) => ('row' in o ? [o.row] : []));
    expect(await openAll(s.database.db, keys, pool)).toBeGreaterThanOrEqual(rows.length);
    const ids = rows.map((r) => r.id);
    const stored = await s.database.db
      .selectFrom('bundles')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    expect(stored).toEqual(want);
    const inbox = await s.database.db.selectFrom('inbox').select(['id', 'state', 'reason']).where('id', 'in', ids).execute();
    for (const r of inbox) expect([r.id, r.state, r.reason]).toEqual([r.id, expected.get(r.id) ? 'failed' : 'opened', expected.get(r.id)]);
  });

  it('loads in each thread only what opening needs: not the database library (it cost 0.3 s of CPU per thread)', async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [new URL('../../src/server/services/open-worker.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const packages = new Set(Object.values(out.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
    expect([...packages].sort()).toEqual(['node:crypto', 'node:worker_threads', 'valibot']);
  });
});
