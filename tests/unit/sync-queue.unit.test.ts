import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../src/db/schema';
import { QueueReader } from '../../src/sync/queue';

const records = Array.from({ length: 25 }, (_, i) => ({ id: `b${String(i).padStart(2, '0')}`, createdAt: `t${i}` }) as OutboxRecord);

/** The outbox's paged read over an array, counting reads; `gate` holds each read until released. */
function fakeOutbox() {
  const reads: (string | null)[] = [];
  const waitingAfter = async (after: Pick<OutboxRecord, 'id'> | null, limit: number) => {
    reads.push(after?.id ?? null);
    await new Promise((r) => setTimeout(r, 1));
    const from = after ? records.findIndex((r) => r.id === after.id) + 1 : 0;
    return records.slice(from, from + limit);
  };
  return { reads, outbox: { waitingAfter } };
}

const settle = async (reader: QueueReader) => {
  for (let i = 0; i < 10; i++) await reader.readAhead();
};

describe('the sync run’s view of the queue', () => {
  it('reads up to two pages beyond a batch, one read at a time, and reads on as batches are answered', async () => {
    const { reads, outbox } = fakeOutbox();
    const pages: number[] = [];
    const reader = new QueueReader(outbox, 5, (page) => pages.push(page.length));
    expect((await reader.next(5)).map((r) => r.id)).toEqual(['b00', 'b01', 'b02', 'b03', 'b04']);
    await settle(reader);
    // the batch's page and two more, no further
    expect(reads).toEqual([null, 'b04', 'b09']);
    expect(pages).toEqual([5, 5, 5]);
    reader.answered(new Set(['b00', 'b01', 'b02', 'b03', 'b04']));
    await settle(reader);
    expect(reads).toEqual([null, 'b04', 'b09', 'b14']);
    const seen: string[] = [];
    for (let batch = await reader.next(5); batch.length > 0; batch = await reader.next(5)) {
      const ids = batch.slice(0, 5).map((r) => r.id);
      seen.push(...ids);
      reader.answered(new Set(ids));
    }
    expect(seen).toEqual(records.slice(5).map((r) => r.id));
  });

  it('starts no uploads for a page that comes in after the run is over', async () => {
    const { outbox } = fakeOutbox();
    const pages: number[] = [];
    const reader = new QueueReader(outbox, 5, (page) => pages.push(page.length));
    await reader.next(5);
    reader.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(pages).toEqual([5]);
    expect(await reader.next(5)).toHaveLength(5);
  });
});
