/**
 * Server faults (issue 4 acceptance 1, 6, 8): the server dies between its commit and its answer; it answers
 * 500 for a while; it answers 413 to big batches. Real Chromium, the real server, the app's own sync code.
 */
import { expect, test } from '@playwright/test';
import { type RunningServer, startServer } from '../support/server-process';
import { countSends, expectServerBundles } from './harness/checks';
import { h, harnessPage } from './harness/load';

test.use({ bypassCSP: true });

let server: RunningServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function device(page: import('@playwright/test').Page, s: RunningServer) {
  await harnessPage(page, s.url);
  await h(page, 'enrol', s.enrolCode as string);
}

test('1. the server is killed after its commit and before its answer; after a restart every bundle is there exactly once', async ({
  page,
}) => {
  server = await startServer({ env: { BLETHER_FAULTS: 'kill-after-commit=1' } });
  await device(page, server);
  const saved = await h(page, 'save', 3, 20_000);
  const first = await h(page, 'sync', {});
  expect(first.ok).toBe(false);
  // committed before it died, yet the device never heard: everything still waits there
  await server.kill();
  expect(server.query<{ id: string }>('select id from inbox order by id').map((r) => r.id)).toEqual([...saved.ids].sort());
  expect((await h(page, 'ids')).waiting.sort()).toEqual([...saved.ids].sort());

  server = await startServer({ dataDir: server.dataDir, port: server.port });
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sync/batches')) bodies.push(r.postData() ?? '');
  });
  const second = await h(page, 'sync', {});
  expect(second).toEqual({ sent: 3, attention: 0, ok: true });
  expect(bodies).toHaveLength(1);
  expect(await h(page, 'counts')).toEqual({ waiting: 0, attention: 0 });
  await expectServerBundles(server, saved.ids);
  expect(server.query<{ n: number }>('select count(*) as n from attachment_uploads where complete = 1')[0]?.n).toBe(3);
});

test('6. the server answers 500 several times; the device keeps everything, then all arrives once', async ({ page }) => {
  server = await startServer({ env: { BLETHER_FAULTS: 'fail-500=3' } });
  await device(page, server);
  const saved = await h(page, 'save', 5);
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/sync/batches')) statuses.push(r.status());
  });
  const reports = [];
  for (let i = 0; i < 4; i++) {
    reports.push(await h(page, 'sync', {}));
    expect(await h(page, 'counts')).toEqual({ waiting: i < 3 ? 5 : 0, attention: 0 });
  }
  expect(reports.map((r) => r.ok)).toEqual([false, false, false, true]);
  expect(statuses).toEqual([500, 500, 500, 200]);
  await expectServerBundles(server, saved.ids);
});

test('8. a 413 halves the batch until it fits, and everything still arrives exactly once', async ({ page }) => {
  server = await startServer({ env: { BLETHER_FAULTS: 'max-items=4' } });
  await device(page, server);
  const saved = await h(page, 'save', 20);
  // each answer with the body it answered (two batches can be on the wire at once, so their order may vary)
  const answers: { body: string; status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/sync/batches')) answers.push({ body: r.request().postData() ?? '', status: r.status() });
  });
  expect(await h(page, 'sync', { maxItems: 16 })).toEqual({ sent: 20, attention: 0, ok: true });
  const sizes = (status: number) => answers.filter((a) => a.status === status).map((a) => JSON.parse(a.body).items.length as number);
  // 16 is refused, then batches of 8 (one, or two when both were on the wire), then every batch of 4 goes through
  expect(sizes(413).sort((a, b) => b - a)).toEqual(expect.arrayContaining([16, 8]));
  expect(sizes(413).every((n) => n === 16 || n === 8)).toBe(true);
  expect(sizes(200)).toEqual([4, 4, 4, 4, 4]);
  const accepted = answers.filter((a) => a.status === 200).map((a) => a.body);
  expect([...countSends(accepted).values()].every((n) => n === 1)).toBe(true);
  expect(countSends(accepted).size).toBe(20);
  await expectServerBundles(server, saved.ids);
});
