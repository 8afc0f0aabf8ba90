/**
 * Issue 5 end to end, on the device: offline, a participant claims bus fare with a receipt photo (from a
 * fixture image, shrunk on the device), mileage with a passenger and childcare without a receipt, and
 * chooses bank transfer; the claim syncs inside its sealed bundle and lands with bank details sealed.
 * Then finance approves two lines and queries one (later rejected), pays it in a payment run whose CSV has
 * exactly the approved amount, and past the retention period the bank details are gone, with an audit entry.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { expectAccessible } from '../support/axe';
import { addBusFareWithPhoto, enrolViaUi, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { financeNav, financeSignedIn, organiserPublishesRateCard } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/receipt.jpg');

test('offline claim with a photo, mileage and childcare, bank transfer; finance approves, queries, pays; bank details purged', async ({
  page,
  context,
  browser,
}) => {
  // the organiser publishing a rate card first adds a sign-in and a publish to this long journey
  test.setTimeout(240_000);
  // an engagement offers claims only once its organiser published a rate card
  const admin = await (await browser.newContext()).newPage();
  await organiserPublishesRateCard(admin, await (await browser.newContext()).newPage(), server, DEFAULT_RATE_CARD);
  await enrolViaUi(page, server);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(`${server.url}/claim/library-your-say`);

  await expect(page.getByRole('heading', { level: 1, name: 'Claim what taking part cost you' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick the box');
  await page.getByLabel('I agree that the details of my claim are used to pay me').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your costs' })).toBeVisible();
  // bus fare with a photo
  await addBusFareWithPhoto(page, '4.20', FIXTURE);
  // mileage with a passenger: 12.5 miles x (45p + 5p) = £6.25
  await page.getByRole('button', { name: 'Add another cost' }).click();
  await page.getByLabel('Driving or cycling (miles)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('From', { exact: true }).fill('Home');
  await page.getByLabel('To', { exact: true }).fill('Library');
  await page.getByLabel('How many miles, there and back?').fill('12.5');
  await page.getByLabel('How many passengers came with you?').fill('1');
  await expect(page.getByText('This comes to £6.25')).toBeVisible();
  await page.getByRole('button', { name: 'Add this cost' }).click();
  // childcare without a receipt: 2 hours at £15
  await page.getByRole('button', { name: 'Add another cost' }).click();
  await page.getByLabel(/^Childcare/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('How many hours?').fill('2');
  await page.getByLabel('How much did you pay for each hour?').fill('15');
  await page.getByLabel('I have no receipt').check();
  await page.getByLabel('Why is there no receipt?').fill('My neighbour looked after them');
  await page.getByLabel(/I paid someone I know/).check();
  await page.getByRole('button', { name: 'Add this cost' }).click();

  await expect(page.getByText('Total: £40.45')).toBeVisible();
  await expect(page.locator('.claim-lines > li')).toHaveCount(3);
  await page.getByRole('button', { name: 'Continue' }).click();

  // bank transfer, with a wrong sort code first
  await page.getByLabel('Into my bank account').check();
  await page.getByLabel('Name on the account').fill('Ann Example');
  await page.getByLabel('Sort code').fill('12-34-5');
  await page.getByLabel('Account number').fill('12345678');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a sort code of 6 numbers');
  await page.getByLabel('Sort code').fill('12-34-56');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check and confirm' })).toBeVisible();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Send my claim' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your claim is saved' })).toBeVisible();

  // the receipt waits on the device, shrunk to about 300 KB
  const sizes = await page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const all = req.result.transaction('attachments').objectStore('attachments').getAll();
          all.onsuccess = () => resolve((all.result as { bytes: Blob }[]).map((a) => a.bytes.size));
          all.onerror = () => reject(all.error);
        };
      }),
  );
  expect(sizes).toHaveLength(1);
  expect(sizes[0]).toBeLessThanOrEqual(300 * 1024 + 64);
  expect(server.query('select id from claims')).toHaveLength(0);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect.poll(() => server.query('select id from claims').length, { timeout: 20_000 }).toBe(1);
  const [claim] = server.query<{ claimed_pence: number; status: string; bank_sealed: string; bank_last4: string; payment_json: string }>(
    'select claimed_pence, status, bank_sealed, bank_last4, payment_json from claims',
  );
  expect(claim).toMatchObject({ claimed_pence: 4045, status: 'submitted', bank_last4: '5678' });
  expect(`${claim?.bank_sealed}${claim?.payment_json}`).not.toContain('12345678');
  const lines = server.query<{ category: string; amount_pence: number; receipt_sha256: string | null }>(
    'select category, amount_pence, receipt_sha256 from claim_lines order by idx',
  );
  expect(lines.map((l) => [l.category, l.amount_pence, !!l.receipt_sha256])).toEqual([
    ['public_transport', 420, true],
    ['mileage', 625, false],
    ['childcare', 3000, false],
  ]);

  // finance, online: approve two lines, query one
  const fin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await financeSignedIn(admin, fin, server, undefined, true);
  await expectAccessible(fin, 'finance: claims');
  await fin
    .getByRole('row', { name: /submitted/ })
    .getByRole('link', { name: /^Open claim/ })
    .click();
  await expect(fin.getByTestId('bank-details')).toContainText('12345678');
  // the bus fare's receipt photo, opened on the server for finance: a real image, named, with a full-size link
  const receipt = fin.getByRole('img', { name: 'Receipt for line 1, public transport, £4.20' });
  await expect(receipt).toBeVisible();
  await expect.poll(() => receipt.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const full = fin.getByRole('link', { name: /Open the receipt for line 1 full size/ });
  const image = await fin.request.get(new URL((await full.getAttribute('href')) as string, server.url).toString());
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/jpeg');
  expect(image.headers()['cache-control']).toBe('no-store');
  expect(
    server.query<{ n: number }>("select count(*) as n from audit_events where action = 'claim.receipt_read'")[0]?.n,
  ).toBeGreaterThanOrEqual(2);
  await expectAccessible(fin, 'finance: claim');
  await fin.screenshot({ path: 'test-results/finance-claim-receipt.png', fullPage: true });
  await fin.getByLabel('Decision for line 1').selectOption('approve');
  await fin.getByLabel('Decision for line 2').selectOption('approve');
  await fin.getByLabel('Decision for line 3').selectOption('query');
  await fin.getByLabel('Reason for line 3').fill('Who looked after the children, and for how long?');
  await fin.getByRole('button', { name: 'Save decisions' }).click();
  await expect(fin.getByTestId('claim-status')).toHaveText('needs info');
  // the answer came: the care was a favour, so that line is rejected
  await fin.getByLabel('Decision for line 3').selectOption('reject');
  await fin.getByLabel('Reason for line 3').fill('The participant says no money changed hands');
  await fin.getByRole('button', { name: 'Save decisions' }).click();
  await expect(fin.getByTestId('claim-status')).toHaveText('partially approved');
  await expect(fin.getByTestId('claim-approved')).toHaveText('£10.45');

  // payment run: the CSV has exactly the approved amount
  await financeNav(fin, 'Payment runs');
  await fin.getByRole('button', { name: 'Create payment run' }).click();
  await expect(fin.getByTestId('run-summary')).toContainText('£10.45');
  const download = fin.waitForEvent('download');
  await fin.getByRole('button', { name: 'Download CSV (bank bulk upload)' }).click();
  const csv = fs
    .readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toMatch(/^ANN EXAMPLE,123456,12345678,10\.45,BLETHER [0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // no BACS_* settings on this server: the Standard 18 file says why, plainly
  await fin.getByRole('button', { name: 'Download Bacs Standard 18' }).click();
  await expect(fin.getByRole('alert')).toContainText('set BACS_SORT_CODE, BACS_ACCOUNT_NUMBER and BACS_ORIGINATOR_NAME');
  await expectAccessible(fin, 'finance: payment run');
  await fin.getByRole('checkbox', { name: /^Select claim/ }).check();
  await fin.getByRole('button', { name: 'Mark paid' }).click();
  await expect(fin.getByTestId('run-settled')).toBeVisible();
  expect(server.query<{ status: string }>('select status from claims')[0]?.status).toBe('paid');

  // the clock moves past retention: the purge job runs with that "now"
  const later = new Date(Date.now() + 31 * 86_400_000).toISOString();
  const out = execFileSync(process.execPath, ['dist-server/cli.js', 'purge-bank-details', '--now', later], {
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  expect(out).toContain('Bank details removed from 1 paid claims.');
  await financeNav(fin, 'Claims');
  await fin
    .getByRole('row', { name: /paid/ })
    .getByRole('link', { name: /^Open claim/ })
    .click();
  await expect(fin.getByTestId('bank-details')).toHaveText('Account ****5678');
  await expect(fin.getByTestId('audit-log')).toContainText('system: claim.bank_details_purged (30 days after payment)');
  expect(server.query<{ bank_sealed: string | null }>('select bank_sealed from claims')[0]?.bank_sealed).toBeNull();
});
