/**
 * Device-side faults (issue 4 acceptance 4, 5, 7, 10), through the app's own screens: a new service worker
 * arrives while bundles wait; the IndexedDB schema is upgraded over waiting bundles; a conflict and a
 * rejection are kept, shown, exported and imported by staff; storage runs out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DB_VERSION } from '../../src/db/schema';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { createFixtureDb, type IdbFixture } from '../fixtures/idb-fixture';
import { expectAccessible } from '../support/axe';
import { deployNewServiceWorker } from '../support/deploy';
import { answerDemo, enrolViaUi, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { expectServerBundles } from './harness/checks';
import { h, loadHarness } from './harness/load';
import { sealedRecord } from './harness/sealed';

test.use({ bypassCSP: true });

let server: RunningServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function engagementOf(s: RunningServer, token: string): Promise<PublishedEngagement> {
  const res = await fetch(`${s.url}/api/device/engagements`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { engagements: PublishedEngagement[] }).engagements[0] as PublishedEngagement;
}

async function tokenOf(page: Page): Promise<string> {
  await h(page, 'useIdentity');
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('identity');
          get.onsuccess = () => resolve((get.result as { token: string }).token);
        };
      }),
  );
}

test('4. a new service worker version arrives while bundles wait: they survive the update and are sent once', async ({ page }) => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-dist-'));
  fs.cpSync('dist', distDir, { recursive: true });
  try {
    // the server refuses every batch (500) until it restarts below, so the answers wait through the update;
    // a refusal from the server, not a Playwright route: a route under a service worker can leave the
    // page's requests hanging, and a sync that never ends rightly holds the update back
    const refusing = { DIST_DIR: distDir, BLETHER_FAULTS: 'fail-500=1000000' };
    server = await startServer({ env: refusing });
    await enrolViaUi(page, server);
    await waitForServiceWorker(page);
    await loadHarness(page);
    await h(page, 'useIdentity');
    const saved = await h(page, 'save', 3, 50_000);

    // a new version of the app is published while the answers wait
    deployNewServiceWorker(distDir);
    await page.reload();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Blether is ready.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('queue-waiting')).toHaveText('3');
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Outreach device' })).toBeVisible();
    await expect(page.getByText('A new version of Blether is ready.')).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(page.getByTestId('queue-waiting')).toHaveText('3');

    // the server back to normal, same data, same address
    const { dataDir, port } = server;
    await server.stop();
    server = await startServer({ dataDir, port, env: { DIST_DIR: distDir } });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('queue-waiting')).toHaveText('0');
    await expect(page.getByTestId('queue-sent-today')).toHaveText('3');
    await expectServerBundles(server, saved.ids);
  } finally {
    fs.rmSync(distDir, { recursive: true, force: true });
  }
});

test('4b. "Update now" while a long queue is sent: the batch on the wire lands, the update applies, the rest goes after it, each once', async ({
  page,
}) => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-dist-'));
  fs.cpSync('dist', distDir, { recursive: true });
  try {
    // one bundle per batch, each stored 2 s after it arrives: ten bundles take about ten seconds to send
    server = await startServer({ env: { DIST_DIR: distDir, BLETHER_FAULTS: 'max-items=1,slow-batch=2000' } });
    await enrolViaUi(page, server);
    await waitForServiceWorker(page);
    await loadHarness(page);
    await h(page, 'useIdentity');
    const saved = await h(page, 'save', 10, 0);
    const taken = () => Number(server?.query<{ n: number }>('select count(*) as n from inbox')[0]?.n ?? 0);

    // a new version is published; the app starts sending the ten when it loads again
    deployNewServiceWorker(distDir);
    await page.reload();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Blether is ready.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('queue-sending')).not.toHaveText('0');
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update now' }).click();
    // the facilitator sees it is under way while the batch on the wire lands
    await expect(page.getByRole('button', { name: 'Updating…' })).toBeVisible();
    await reloaded;
    // the update did not wait for the whole queue
    expect(taken()).toBeLessThan(10);
    await expect(page.getByRole('heading', { name: 'Outreach device' })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(page.getByText('A new version of Blether is ready.')).toHaveCount(0);

    // the new version sends the rest: every bundle once
    await expect(page.getByTestId('queue-waiting')).toHaveText('0', { timeout: 60_000 });
    await expectServerBundles(server, saved.ids);
  } finally {
    fs.rmSync(distDir, { recursive: true, force: true });
  }
});

test('5. an IndexedDB upgrade runs over a version 1 database holding waiting bundles: all are kept and sent', async ({ page, request }) => {
  server = await startServer();
  const enrol = await (
    await request.post(`${server.url}/api/devices/enrol`, { data: { code: server.enrolCode, name: 'Old tablet' } })
  ).json();
  const engagement = await engagementOf(server, enrol.token);
  const a = await sealedRecord(engagement, { receipt: 40_000 });
  const b = await sealedRecord(engagement);
  const fixture = JSON.parse(fs.readFileSync('tests/fixtures/idb-v1.json', 'utf8')) as IdbFixture;
  const attention = (fixture.records.outbox ?? []).filter((r) => r.state === 'attention');
  fixture.records = {
    outbox: [a.record as unknown as Record<string, unknown>, b.record as unknown as Record<string, unknown>, ...attention],
    attachments: a.attachments,
    engagements: [{ ...engagement, downloadedAt: new Date().toISOString() }],
    meta: [
      { key: 'identity', value: { deviceId: enrol.deviceId, token: enrol.token, name: 'Old tablet' } },
      { key: 'lastSyncAt', value: '2026-11-01T09:00:00.000Z' },
    ],
  };
  // the database as the old app left it, before the new app ever opens it
  await page.route(`${server.url}/__old`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>old</title>' }),
  );
  await page.goto(`${server.url}/__old`);
  await page.evaluate(`(${createFixtureDb.toString()})('blether', ${JSON.stringify(fixture)})`);
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'blether', version: 1 }]);

  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('queue-waiting')).toHaveText('0', { timeout: 15_000 });
  await expect(page.getByTestId('queue-attention')).toHaveText('1');
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'blether', version: DB_VERSION }]);
  await expectServerBundles(server, [a.record.id, b.record.id]);
  expect(server.query<{ attachment_count: number }>('select attachment_count from bundles where id = ?', a.record.id)).toEqual([
    { attachment_count: 1 },
  ]);
});

test('7. a conflict and a rejection are kept, shown with their reasons, exported still encrypted, and imported by staff', async ({
  page,
}) => {
  server = await startServer();
  await enrolViaUi(page, server);
  await loadHarness(page);
  const token = await tokenOf(page);
  const first = await h(page, 'save', 1);
  expect((await h(page, 'sync', {})).ok).toBe(true);
  const engagement = await engagementOf(server, token);
  const conflict = await sealedRecord(engagement, { id: first.ids[0], text: 'Different words, same id' });
  const unknown = await sealedRecord(engagement, { versionId: 'retired-version', receipt: 5_000 });
  await h(page, 'put', [conflict.record]);
  await page.evaluate(
    ([rec, att]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const tx = req.result.transaction(['outbox', 'attachments'], 'readwrite');
          tx.objectStore('outbox').put(rec);
          const bin = atob(att.bytesBase64);
          const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
          tx.objectStore('attachments').put({
            sha256: att.sha256,
            bundleId: att.bundleId,
            type: att.type,
            bytes: bytes.buffer,
            uploaded: 0,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [unknown.record, unknown.attachments[0]] as const,
  );
  const good = await h(page, 'save', 1);

  await page.reload();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('queue-attention')).toHaveText('2');
  await expect(page.getByTestId('queue-waiting')).toHaveText('0');
  await page.getByRole('link', { name: 'Queue details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue and sync' })).toBeVisible();
  const list = page.getByTestId('attention-list');
  await expect(list).toContainText('Another, different answer with the same number is already on the server.');
  await expect(list).toContainText('The server does not know this engagement version.');
  await expectAccessible(page, 'queue, two need attention');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for staff' }).click();
  const file = path.join(server.dataDir, 'export.json');
  await (await download).saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 answers' })).toBeVisible();
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain('Different words');
  expect(JSON.parse(text).bundles).toHaveLength(2);
  // exporting keeps them on the device until staff have them
  await expect(page.getByTestId('queue-attention')).toHaveText('2');

  const cli = spawnSync(process.execPath, ['dist-server/cli.js', 'import', file], {
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toContain('Imported 0, already on the server 0, held for staff 2.');
  const held = server.query<{ bundle_id: string; status: string }>('select bundle_id, status from held_bundles order by status');
  expect(held).toEqual([
    { bundle_id: conflict.record.id, status: 'conflict' },
    { bundle_id: unknown.record.id, status: 'rejected' },
  ]);
  expect(
    server.query<{ n: number }>('select count(*) as n from attachment_uploads where sha256 = ?', unknown.attachments[0]?.sha256)[0]?.n,
  ).toBe(1);
  await expectServerBundles(server, [first.ids[0] as string, good.ids[0] as string]);
});

test('10. storage runs out: a plain message, no partial bundle, and everything saved is sent once there is room', async ({
  page,
  context,
}) => {
  server = await startServer();
  // a small device: the quota is set before the app makes its database (Chromium applies it from then on)
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 3_000_000 });
  await enrolViaUi(page, server);
  await loadHarness(page);
  await h(page, 'useIdentity');

  const big = await h(page, 'save', 40, 300 * 1024);
  expect(big.error).toBe('StorageFullError');
  expect(big.ids.length).toBeGreaterThan(0);
  const small = await h(page, 'save', 2000, 0);
  expect(small.error).toBe('StorageFullError');
  const integrity = await h(page, 'integrity');
  expect(integrity.problems).toEqual([]);
  expect(integrity.bundles).toBe(big.ids.length + small.ids.length);

  await page.route('**/api/sync/**', (route) => route.abort('internetdisconnected'));
  await page.goto(`${server.url}/queue`);
  await expect(page.getByTestId('storage-low')).toContainText('This device ran out of space. Answers already saved are safe.');
  await expectAccessible(page, 'queue, storage low');

  await page.goto(`${server.url}/`);
  await loadHarness(page);
  await h(page, 'useIdentity');
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerDemo(page);
  // the browser may have compacted its files since: fill whatever room came back, right before sending
  const refill = await h(page, 'save', 2000, 0);
  expect(refill.error).toBe('StorageFullError');
  const full = integrity.bundles + refill.ids.length;
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('alert')).toContainText('This device is full, so your answers are not saved yet.');
  expect(await h(page, 'integrity')).toEqual({ bundles: full, attachments: big.ids.length, problems: [] });

  // room again (the facilitator freed space): the same answers can be sent, and everything arrives
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  // read while the network is still cut: once it is back, the app's own engine may send some at once
  const all = (await h(page, 'ids')).waiting;
  expect(all).toHaveLength(full + 1);
  await page.unroute('**/api/sync/**');
  // the app's own engine may hold the one-sender lock just now: either sender will do
  await expect
    .poll(async () => {
      await h(page, 'sync', {});
      return (await h(page, 'counts')).waiting;
    })
    .toBe(0);
  await expectServerBundles(server, all);
  expect(await h(page, 'integrity')).toEqual({ bundles: 0, attachments: 0, problems: [] });
});
