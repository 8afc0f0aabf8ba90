import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openBletherDB } from '../../src/db/open';
import { outboxRepo, runsOf } from '../../src/db/outbox';
import type { AttachmentRecord, OutboxRecord, Sealed } from '../../src/db/schema';

let n = 0;
function freshRepo() {
  const name = `outbox-test-${++n}`;
  const handle = openBletherDB(name);
  return { repo: outboxRepo(() => handle), handle };
}

function record(i: number, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    engagementVersionId: 'v1',
    engagementSlug: 'demo',
    createdAt: new Date(Date.UTC(2026, 10, 22, 9, 0, i)).toISOString(),
    state: 'waiting',
    envelope: { v: 1, alg: 'ECDH-ES+A256KW/A256GCM', epk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, wk: 'AA==', iv: 'AA==', ct: 'AA==' },
    size: 300,
    attachments: [],
    attempts: 0,
    ...overrides,
  };
}

function attachment(sha: string, bundleId: string): AttachmentRecord {
  return { sha256: sha.padEnd(64, '0'), bundleId, type: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]).buffer, uploaded: 0 };
}

describe('outbox repository', () => {
  it('lists waiting bundles oldest first and counts them', async () => {
    const { repo } = freshRepo();
    await repo.add(record(3));
    await repo.add(record(1));
    await repo.add(record(2));
    expect((await repo.waiting()).map((r) => r.id.slice(-1))).toEqual(['1', '2', '3']);
    expect((await repo.waiting(2)).length).toBe(2);
    expect(await repo.counts()).toEqual({ waiting: 3, attention: 0 });
  });

  it('reads the waiting queue a page at a time, in the same order, past same-millisecond bundles and kept ones', async () => {
    const { repo } = freshRepo();
    const sameMs = new Date(Date.UTC(2026, 10, 22, 9, 0, 0)).toISOString();
    for (const i of [7, 3, 9, 1, 5]) await repo.add(record(i, { createdAt: sameMs }));
    for (const i of [12, 11, 10, 13]) await repo.add(record(i));
    await repo.markAttention(record(9).id, 'rejected', 'no');
    await repo.markAttention(record(11).id, 'conflict', 'no');
    const all = (await repo.waiting()).map((r) => r.id);
    expect(all).toHaveLength(7);
    for (const size of [1, 2, 3, 7, 50]) {
      const read: string[] = [];
      for (let page = await repo.waitingAfter(null, size); page.length > 0; page = await repo.waitingAfter(page.at(-1) ?? null, size)) {
        expect(page.length).toBeLessThanOrEqual(size);
        read.push(...page.map((r) => r.id));
      }
      expect(read).toEqual(all);
    }
  });

  it('writes a bundle and its attachments all or nothing', async () => {
    const { repo, handle } = freshRepo();
    await repo.add(record(1), [attachment('a', record(1).id)]);
    // the same id again fails, and must not leave its new attachment behind
    await expect(repo.add(record(1), [attachment('b', record(1).id)])).rejects.toThrow();
    const db = await handle;
    expect(await db.count('outbox')).toBe(1);
    expect(await db.getAllKeys('attachments')).toEqual(['a'.padEnd(64, '0')]);
  });

  it('writes a finished bundle with strict durability (on the storage medium before it counts as saved)', async () => {
    const name = `outbox-test-${++n}`;
    const handle = openBletherDB(name);
    const seen: (string | undefined)[] = [];
    const repo = outboxRepo(async () => {
      const d = await handle;
      return new Proxy(d, {
        get(target, prop, receiver) {
          if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
          return (stores: never, mode: never, options?: { durability?: string }) => {
            seen.push(options?.durability);
            return target.transaction(stores, mode, options as never);
          };
        },
      });
    });
    await repo.add(record(1));
    await repo.markAttention(record(1).id, 'rejected', 'no');
    expect(seen).toEqual(['strict', 'strict']);
  });

  it('removes confirmed bundles together with their attachments', async () => {
    const { repo, handle } = freshRepo();
    const one = record(1, { attachments: ['a'.padEnd(64, '0'), 'b'.padEnd(64, '0')] });
    await repo.add(one, [attachment('a', one.id), attachment('b', one.id)]);
    await repo.add(record(2, { attachments: ['c'.padEnd(64, '0')] }), [attachment('c', record(2).id)]);
    await repo.remove([one]);
    const db = await handle;
    expect((await repo.waiting()).map((r) => r.id)).toEqual([record(2).id]);
    expect(await db.getAllKeys('attachments')).toEqual(['c'.padEnd(64, '0')]);
  });

  it('keeps bundles that need attention, with the reason, out of the waiting list', async () => {
    const { repo } = freshRepo();
    await repo.add(record(1));
    await repo.add(record(2));
    await repo.markAttention(record(1).id, 'rejected', 'Export it for staff.');
    expect(await repo.counts()).toEqual({ waiting: 1, attention: 1 });
    const [kept] = await repo.attention();
    expect(kept).toMatchObject({ id: record(1).id, state: 'attention', status: 'rejected', reason: 'Export it for staff.', attempts: 1 });
    expect((await repo.waiting()).map((r) => r.id)).toEqual([record(2).id]);
  });
});

describe('removing a sent batch', () => {
  it('deletes runs of neighbours as ranges, and keeps what lies between them', async () => {
    const { repo, handle } = freshRepo();
    for (let i = 1; i <= 9; i++) await repo.add(record(i));
    await repo.markAttention(record(4).id, 'rejected', 'no');
    const sent = [1, 2, 3, 5, 6, 8].map((i) => record(i));
    await repo.remove(sent);
    const db = await handle;
    expect((await db.getAllKeys('outbox')).map((k) => Number(String(k).slice(-2)))).toEqual([4, 7, 9]);
  });

  it('finds the runs in key order', () => {
    expect(runsOf(['a', 'b', 'c', 'd', 'e', 'f'], new Set(['a', 'b', 'd', 'f']))).toEqual([
      ['a', 'b'],
      ['d', 'd'],
      ['f', 'f'],
    ]);
    expect(runsOf(['a', 'b'], new Set())).toEqual([]);
  });
});

describe('reading a page of the queue', () => {
  it('reads its attachments with it, in the same order, until the budget is spent', async () => {
    const { repo } = freshRepo();
    for (let i = 1; i <= 3; i++) {
      const rec = record(i, { attachments: [`a${i}`.padEnd(64, '0')] });
      await repo.add(rec, [attachment(`a${i}`, rec.id)]);
    }
    const bytes = new Map<string, Sealed>();
    // each attachment is 3 bytes: the budget is spent after the second
    const page = await repo.waitingAfter(null, 10, bytes, 4);
    expect(page).toHaveLength(3);
    expect([...bytes.keys()]).toEqual(['a1'.padEnd(64, '0'), 'a2'.padEnd(64, '0')]);
    expect([...new Uint8Array(bytes.get('a1'.padEnd(64, '0')) as ArrayBuffer)]).toEqual([1, 2, 3]);
  });
});
