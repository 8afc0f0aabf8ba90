import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { answerDemo, completeDemoJourney, enrolViaUi, facilitatorHome, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a participant answers offline; the bundle waits, syncs by itself when online, and is stored exactly once', async ({
  page,
  context,
}) => {
  await page.goto(`${server.url}/`);
  await expectAccessible(page, 'home, not enrolled');
  await page.goto(`${server.url}/enrol`);
  await page.getByRole('button', { name: 'Set up device' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the enrolment code');
  await expectAccessible(page, 'enrol, error');
  await enrolViaUi(page, server);
  await expectAccessible(page, 'home, enrolled');
  await waitForServiceWorker(page);

  // the network goes: the app still loads from the service worker
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Outreach device' })).toBeVisible();

  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sync/batches') && r.method() === 'POST') sent.push(r.postData() ?? '');
  });

  await completeDemoJourney(page, (state) => expectAccessible(page, state));
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();

  await facilitatorHome(page, server);
  await expect(page.getByTestId('queue-waiting')).toHaveText('1');
  await expect(page.getByTestId('queue-summary')).toHaveText('1 answer is waiting to be sent.');
  await expectAccessible(page, 'home, one waiting, offline');
  expect(server.query('select id from bundles')).toHaveLength(0);

  // the network comes back: it syncs without a click
  await context.setOffline(false);
  await expect(page.getByTestId('queue-waiting')).toHaveText('0', { timeout: 15_000 });
  await expect(page.getByTestId('queue-summary')).toHaveText('Everything has been sent.');
  // opened into `bundles` just after the server's answer
  await expect.poll(() => server.query('select id from bundles').length).toBe(1);
  const rows = server.query<{ id: string; answers_json: string; locale: string }>('select id, answers_json, locale from bundles');
  expect(rows).toHaveLength(1);
  expect(JSON.parse(rows[0]?.answers_json ?? '{}')).toMatchObject({
    visit: { yesno: 'yes' },
    feel: { face: 4 },
    most: { choice: 'hours' },
  });

  // the same batch again: still exactly one
  const batch = sent.at(-1);
  expect(batch).toBeTruthy();
  const token = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('identity');
          get.onsuccess = () => resolve((get.result as { token: string }).token);
          get.onerror = () => reject(get.error);
        };
      }),
  );
  const replay = await page.request.post(`${server.url}/api/sync/batches`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    data: batch,
  });
  expect(replay.status()).toBe(200);
  expect((await replay.json()).results.map((r: { status: string }) => r.status)).toEqual(['duplicate']);
  expect(server.query('select id from bundles')).toHaveLength(1);
});

test('changing an answer from check answers returns to check answers', async ({ page }) => {
  // the first test enrolled the only printed code; this one needs its own server
  const own = await startServer();
  try {
    await enrolViaUi(page, own);
    await page.getByRole('button', { name: /Start with a participant/ }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByLabel('I understand and I want to take part').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await answerDemo(page);
    await page.getByRole('button', { name: 'Change Which matters most to you?' }).click();
    await page.getByLabel('Activities for children').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(page.locator('.summary-row').nth(2)).toContainText('Activities for children');
  } finally {
    await own.stop();
  }
});

test('on a slow first visit, a screen whose code is still on its way says it is loading, then shows', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  // the welcome screen's code is held on the wire until the page has said it is loading
  await page.route(/\/assets\/Welcome-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await context.close();
});
