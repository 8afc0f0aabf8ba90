import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../src/db/schema';
import { QueueReader } from '../../src/sync/queue';

const records = Array.from({ length: 25 }, (_, i) => ({ id: `b${String(i).padStart(2, '0')}` }) as OutboxRecord);

/** The outbox's paged read over an array, counting reads. */
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
const first = (n: number) => (ready: OutboxRecord[]) => ready.slice(0, n);
const ids = (rs: OutboxRecord[]) => rs.map((r) => r.id);

describe('the sync run’s view of the queue', () => {
  it('reads up to two pages beyond what was taken, one read at a time, and reads on as batches are taken', async () => {
    const { reads, outbox } = fakeOutbox();
    const pages: number[] = [];
    const reader = new QueueReader(outbox, 5, (page) => pages.push(page.length));
    expect(ids(await reader.take(5, first(5)))).toEqual(['b00', 'b01', 'b02', 'b03', 'b04']);
    await settle(reader);
    // the batch's page and three more (three pages ready beyond the one taken), no further
    expect(reads).toEqual([null, 'b04', 'b09', 'b14']);
    expect(pages).toEqual([5, 5, 5, 5]);
    await reader.take(5, first(5));
    await settle(reader);
    expect(reads).toEqual([null, 'b04', 'b09', 'b14', 'b19']);
    const seen: string[] = [];
    for (let batch = await reader.take(5, first(5)); batch.length > 0; batch = await reader.take(5, first(5))) seen.push(...ids(batch));
    expect(seen).toEqual(ids(records.slice(10)));
  });

  it('never gives the same bundle to two batches taken one after the other, and takes back a batch put back', async () => {
    const { outbox } = fakeOutbox();
    const reader = new QueueReader(outbox, 10);
    const [a, b] = await Promise.all([reader.take(10, first(10)), reader.take(10, first(10))]);
    expect(ids(a ?? [])).toEqual(ids(records.slice(0, 10)));
    expect(ids(b ?? [])).toEqual(ids(records.slice(10, 20)));
    reader.putBack(a ?? []);
    expect(ids(await reader.take(4, first(4)))).toEqual(ids(records.slice(0, 4)));
  });

  it('starts no uploads for a page that comes in after the run is over', async () => {
    const { outbox } = fakeOutbox();
    const pages: number[] = [];
    const reader = new QueueReader(outbox, 5, (page) => pages.push(page.length));
    await reader.take(5, first(5));
    reader.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(pages).toEqual([5]);
    expect(await reader.take(5, first(5))).toHaveLength(0);
  });
});
