/**
 * Issue 5, "the claim travels in the participant's bundle": offline, a participant answers, says yes to
 * claiming, claims bus fare with a receipt photo and chooses bank transfer; the check page shows the claim
 * in a few words (never the bank details); after sync ONE bundle holds the answers and the claim. axe runs
 * over the claim question and the check page in English, Arabic and Polish, standard and easy read.
 */
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { addBusFareWithPhoto, answerDemo, enrolViaUi, payByBank, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/receipt.jpg');

/** axe on this screen in every language and format asked for, through the journey's own settings; back to English. */
async function everyLanguage(page: Page, screen: string, heading: string) {
  for (const lng of ['en', 'ar', 'pl'] as const) {
    for (const fmt of ['standard', 'easy'] as const) {
      await page.locator('button[aria-controls="journey-settings"]').click();
      await page.locator(`input[name=language][value="${lng}"]`).check();
      // as a participant would: the page turns to the language (Arabic right to left) before the next choice
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await page.locator(`input[name=format][value="${fmt}"]`).check();
      await page.locator('#journey-settings button.primary').click();
      await expect(page.locator('.journey')).toHaveClass(new RegExp(`format-${fmt}`));
      await expectAccessible(page, `${screen}: ${lng}, ${fmt}`);
      if (lng === 'ar' && fmt === 'easy') {
        await page.setViewportSize({ width: 320, height: 800 });
        await page.screenshot({ path: `test-results/journey-${screen.replace(/\W+/g, '-')}-ar-320.png`, fullPage: true });
        await page.setViewportSize({ width: 1280, height: 720 });
      }
    }
  }
  await page.locator('button[aria-controls="journey-settings"]').click();
  await page.locator('input[name=language][value="en"]').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('input[name=format][value="standard"]').check();
  await page.locator('#journey-settings button.primary').click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('offline: answers and a bus-fare claim with a photo travel in ONE bundle; axe on the claim question and check in en, ar, pl', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await enrolViaUi(page, server);
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerDemo(page, undefined, { claim: 'ask' });

  // after monitoring: the claim question, asked plainly
  const ask = 'Do you want to claim back what taking part cost you?';
  await expect(page.getByRole('heading', { level: 1, name: ask })).toBeVisible();
  await everyLanguage(page, 'claim question', ask);
  await page.getByRole('button', { name: 'Yes, I want to claim' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your costs' })).toBeVisible();
  await addBusFareWithPhoto(page, '4.20', FIXTURE);
  await expect(page.getByText('Total: £4.20')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  // the demo's rate card offers £20 for their time: this participant declines it
  await expect(page.getByRole('heading', { level: 1, name: 'Payment for your time' })).toBeVisible();
  await page.getByLabel('No, do not pay me for my time').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await payByBank(page);

  // check: the claim in a few words, never the bank details
  const claimRow = page.locator('.summary-row', { has: page.getByText('Your claim', { exact: true }) });
  await expect(claimRow.locator('dd').first()).toHaveText('Total: £4.20\nPaid into your bank account');
  for (const secret of ['12345678', '5678', '12-34-56', '123456', 'Ann Example'])
    await expect(page.locator('main')).not.toContainText(secret);
  await everyLanguage(page, 'check answers', 'Check your answers');

  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  // offline, the answers are on the device: Done says they are saved, not that they reached us
  await expect(page.locator('main')).toContainText('Your answers are saved.');
  // one bundle waits, with one attachment (the receipt; the voice question was skipped)
  const waiting = await page.evaluate(
    () =>
      new Promise<{ attachments: string[] }[]>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const all = req.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result as { attachments: string[] }[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
  expect(waiting.map((w) => w.attachments.length)).toEqual([1]);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect.poll(() => server.query('select id from claims').length, { timeout: 20_000 }).toBe(1);
  const bundles = server.query<{ id: string; answers_json: string; attachment_count: number }>(
    'select id, answers_json, attachment_count from bundles',
  );
  expect(bundles).toHaveLength(1);
  const [bundle] = bundles;
  expect(JSON.parse(bundle?.answers_json ?? '{}').else).toEqual({ text: 'Please keep the Saturday story time. Dziękuję!' });
  expect(bundle?.attachment_count).toBe(1);
  const claims = server.query<{ id: string; claimed_pence: number; payment_method: string; bank_last4: string }>(
    'select id, claimed_pence, payment_method, bank_last4 from claims',
  );
  expect(claims).toEqual([{ id: bundle?.id, claimed_pence: 420, payment_method: 'bank', bank_last4: '5678' }]);
  const [line] = server.query<{ receipt_sha256: string | null; receipt_image_sha256: string | null }>(
    'select receipt_sha256, receipt_image_sha256 from claim_lines',
  );
  expect(line?.receipt_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(line?.receipt_image_sha256).toMatch(/^[0-9a-f]{64}$/);
  // the receipt the line names is the bundle's attachment, and it arrived whole
  const [inbox] = server.query<{ attachments_json: string }>(`select attachments_json from inbox where id = '${bundle?.id}'`);
  expect(JSON.parse(inbox?.attachments_json ?? '[]')).toEqual([line?.receipt_sha256]);
  expect(server.query<{ complete: number }>(`select complete from attachment_uploads where sha256 = '${line?.receipt_sha256}'`)).toEqual([
    { complete: 1 },
  ]);
});
