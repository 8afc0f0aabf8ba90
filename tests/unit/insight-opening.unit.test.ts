/**
 * Results say what has arrived and is not opened yet: after a busy evening of syncing the opener can lag, and
 * an analyst must not take the figures for final meanwhile (the page loads them again until all are in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionKeys } from '../../src/server/services/engagements';
import { ingestBatch } from '../../src/server/services/ingest';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';
import { staffCookie } from '../support/staff';

let s: TestServer;
let analyst: string;
beforeAll(async () => {
  s = await startTestApp();
  analyst = (await staffCookie(s, ['analyst'])).cookie;
});
afterAll(async () => {
  await s.close();
});

const results = async () => {
  const res = await s.app.inject({
    method: 'GET',
    url: `/api/staff/insight/${s.engagement.engagementId}/results`,
    headers: { cookie: analyst },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; claimOnly: number; opening: number };
};

describe('results while bundles are being opened', () => {
  it('count what has arrived and is not opened yet, until it is', async () => {
    const before = await results();
    expect(before.opening).toBe(0);
    // acknowledged into the inbox as the sync route does, with no opener running yet
    const items = await Promise.all(Array.from({ length: 20 }, () => sealedItem(s.engagement)));
    const stored = await ingestBatch(s.database.db, new VersionKeys(s.database.db, s.serverKey), s.deviceId, items);
    expect(stored.every((r) => r.status === 'stored')).toBe(true);

    const waiting = await results();
    expect(waiting.opening).toBe(20);
    expect(waiting.total + waiting.claimOnly).toBe(before.total + before.claimOnly);

    await openAcknowledged(s);
    const after = await results();
    expect(after.opening).toBe(0);
    expect(after.total + after.claimOnly).toBe(before.total + before.claimOnly + 20);
  });
});
