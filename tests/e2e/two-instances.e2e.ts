import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { sealedItem } from '../support/bundles';
import { createDatabase, type PgCluster, startPostgres } from '../support/pg';
import { roundRobinProxy } from '../support/proxy';
import { pgQuery, startServer } from '../support/server-process';

let cluster: PgCluster;
test.beforeAll(async () => {
  cluster = await startPostgres();
});
test.afterAll(() => cluster.stop());

test('two instances on one PostgreSQL behind a round-robin proxy store each bundle once', async ({ request }) => {
  const databaseUrl = await createDatabase(cluster.url);
  // instances share the database and the server key; nothing else
  const env = { DATABASE_URL: databaseUrl, BLETHER_SERVER_KEY: crypto.randomBytes(32).toString('base64') };
  const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
  const proxy = await roundRobinProxy([a.url, b.url]);
  try {
    const code = a.enrolCode ?? b.enrolCode;
    const enrol = await request.post(`${proxy.url}/api/devices/enrol`, { data: { code, name: 'Tablet' } });
    expect(enrol.status()).toBe(200);
    const { token } = await enrol.json();
    const headers = { Authorization: `Bearer ${token}` };
    const list = await request.get(`${proxy.url}/api/device/engagements`, { headers });
    const [engagement] = (await list.json()).engagements as PublishedEngagement[];
    if (!engagement) throw new Error('no engagement');

    const batches = await Promise.all(
      Array.from({ length: 6 }, async () => Promise.all(Array.from({ length: 20 }, () => sealedItem(engagement)))),
    );
    // every batch goes through both instances: once each, and the second time it is a duplicate
    for (const items of batches) {
      const first = await request.post(`${proxy.url}/api/sync/batches`, { headers, data: { items } });
      const again = await request.post(`${proxy.url}/api/sync/batches`, { headers, data: { items } });
      expect(first.status()).toBe(200);
      expect(again.status()).toBe(200);
      expect(new Set((await first.json()).results.map((r: { status: string }) => r.status))).toEqual(new Set(['stored']));
      expect(new Set((await again.json()).results.map((r: { status: string }) => r.status))).toEqual(new Set(['duplicate']));
    }
    // and the same batch at the same moment through both instances
    const racing = await Promise.all(Array.from({ length: 20 }, () => sealedItem(engagement)));
    const raced = await Promise.all([0, 1].map(() => request.post(`${proxy.url}/api/sync/batches`, { headers, data: { items: racing } })));
    const statuses = (await Promise.all(raced.map((r) => r.json()))).flatMap((j) => j.results.map((r: { status: string }) => r.status));
    expect(statuses.filter((s) => s === 'stored')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(20);

    expect(proxy.hits[0]).toBeGreaterThan(0);
    expect(proxy.hits[1]).toBeGreaterThan(0);
    // acknowledged bundles are opened into `bundles` just after the answer, by whichever instance
    await expect
      .poll(async () => {
        const [{ n, uniq }] = await pgQuery<{ n: string; uniq: string }>(
          databaseUrl,
          'select count(*) n, count(distinct id) uniq from bundles',
        );
        return [Number(n), Number(uniq)];
      })
      .toEqual([140, 140]);
  } finally {
    await proxy.close();
    await Promise.all([a.stop(), b.stop()]);
  }
});
