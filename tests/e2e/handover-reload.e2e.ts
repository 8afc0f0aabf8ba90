/**
 * A reload at any step restores everything given so far (DESIGN.md, Hand-over): in Arabic easy read, a
 * journey with a claim (a receipt photo, bank transfer), reloaded 10 times at every step. Each reload
 * restores the step, the language and format, the answers, the claim's lines and photo, and asks for the
 * bank details again (they are never kept). Change on the claim keeps its lines and photo. After sync, the
 * server has the answers and the claim with its receipt.
 */
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chooseStart } from '../a11y/participant-walk';
import { expectAccessible } from '../support/axe';
import { enrolViaUi, questionReady, reloadWhenSaved } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.afterAll(async () => {
  await server?.stop();
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/receipt.jpg');
const RELOADS = 10;
const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

/** Reloads the page `RELOADS` times; each time the same page comes back, in Arabic easy read, and `more` holds. */
async function reloadEverywhere(page: Page, state: string, more: () => Promise<void> = async () => {}): Promise<void> {
  const heading = (await page.locator('main h1').first().textContent()) ?? '';
  for (let i = 0; i < RELOADS; i++) {
    await reloadWhenSaved(page);
    await expect(page.locator('main h1').first(), `${state}, reload ${i + 1}`).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.journey')).toHaveClass(/format-easy/);
    await more();
  }
}

test('Arabic easy read with a claim: 10 reloads at every step lose nothing but the bank details, which are asked again', async ({
  page,
}) => {
  test.setTimeout(600_000);
  server = await startServer();
  await enrolViaUi(page, server);
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await chooseStart(page, 'ar', 'easy');
  await reloadEverywhere(page, 'start', async () => {
    await expect(page.locator('input[name="language"][value="ar"]')).toBeChecked();
    await expect(page.locator('input[name="format"][value="easy"]')).toBeChecked();
  });
  await submit(page);
  await page.locator('#consent').check();
  await reloadEverywhere(page, 'about', () => expect(page.locator('#consent')).toBeChecked());
  await submit(page);

  // every question, answered, then reloaded on the next page: the answer is there when going back
  for (let n = 1; await page.locator('main .progress').isVisible(); n++) {
    await questionReady(page);
    if (await page.locator('main .voice').isVisible()) {
      await page.locator('[data-action="skip"]').click();
      continue;
    }
    const title = (await page.locator('main h1').first().textContent()) ?? '';
    if (await page.locator('.priority-list').isVisible()) await page.locator('.priority-list [id$="-plus"]').first().click();
    else if (await page.locator('main textarea').isVisible()) await page.locator('main textarea').fill('المكتبة مهمة لي');
    else await page.locator('main .options input').nth(1).check();
    await reloadEverywhere(page, `question ${n}, answered`);
    await submit(page);
    await expect(page.locator('main h1').first()).not.toHaveText(title);
  }
  await page.locator('#contact-email').fill("siobhan.o'neill@example.com");
  await reloadEverywhere(page, 'contact');
  await submit(page);
  await page.locator('input[name="monitoring-ageBand"]').nth(1).check();
  await reloadEverywhere(page, 'monitoring');
  await submit(page);

  // the claim: a bus fare with its receipt photo
  await page.locator('[data-action="claim"]').click();
  await page.locator('#add-cost').click();
  await page.locator('#category-public_transport').check();
  await submit(page);
  await page.locator('#amount').fill('٣٫٤٠');
  await page.locator('#receipt').setInputFiles(FIXTURE);
  await expect(page.locator('main p[role="status"]')).toContainText(/\d/);
  await submit(page);
  const oneLineWithPhoto = async () => {
    await expect(page.locator('.claim-lines > li')).toHaveCount(1);
    await expect(page.getByTestId('has-receipt')).toBeVisible();
  };
  await oneLineWithPhoto();
  await reloadEverywhere(page, 'claim, one cost with a photo', oneLineWithPhoto);
  await page.locator('main .actions .button.primary').click();
  // payment for time (the demo offers it), then bank transfer
  await page.locator('#time-accept').check();
  await submit(page);
  await page.locator('#method-bank').check();
  await page.locator('#account-name').fill('سيوبان');
  await page.locator('#sort-code').fill('12-34-56');
  await page.locator('#account-number').fill('31926819');
  await submit(page);
  await expect(page.locator('#declare-name')).toBeVisible();
  // a reload on the declaration: the bank details are gone, asked again on the payment page, which says why
  await reloadWhenSaved(page);
  await expect(page.locator('#method-bank')).toBeChecked();
  await expect(page.locator('#sort-code')).toHaveValue('');
  await expect(page.locator('main [role="note"]')).toBeVisible();
  await expectAccessible(page, 'payment, bank details asked again after a reload (ar, easy)');
  await reloadEverywhere(page, 'payment, asked again', () => expect(page.locator('#account-number')).toHaveValue(''));
  await page.locator('#account-name').fill('سيوبان');
  await page.locator('#sort-code').fill('12-34-56');
  await page.locator('#account-number').fill('31926819');
  await submit(page);
  await page.locator('#declare-name').fill('سيوبان أونيل');
  await submit(page);
  await expect(page.locator('.summary')).toBeVisible();

  // Change on the claim opens it with its cost and photo; Continue comes back to Check
  await page.locator('.summary-row').last().getByRole('button').click();
  await oneLineWithPhoto();
  await page.locator('main .actions .button.primary').click();
  await submit(page);
  await expect(page.locator('#method-bank')).toBeChecked();
  await expect(page.locator('#sort-code')).toHaveValue('123456');
  await submit(page);
  await submit(page);
  await expect(page.locator('.summary')).toBeVisible();
  // a reload on Check: the claim is kept, the bank details are asked again before anything is sent
  await reloadWhenSaved(page);
  await expect(page.locator('main [role="note"]')).toBeVisible();
  await page.locator('#account-name').fill('سيوبان');
  await page.locator('#sort-code').fill('12-34-56');
  await page.locator('#account-number').fill('31926819');
  await submit(page);
  await page.locator('#declare-name').fill('سيوبان أونيل');
  await submit(page);
  await expect(page.locator('.summary')).toContainText('المكتبة مهمة لي');
  await page.locator('main .actions .button.primary').click();
  await expect(page.locator('.reference')).toBeVisible();

  // sent: the server has one claim whose line kept its receipt photo, and the answers
  await expect
    .poll(() => server.query<{ n: number }>('select count(*) as n from claim_lines where receipt_sha256 is not null'), { timeout: 60_000 })
    .toEqual([{ n: 1 }]);
  const [bundle] = server.query<{ answers_json: string; locale: string; format: string }>(
    'select answers_json, locale, format from bundles',
  );
  expect(bundle).toMatchObject({ locale: 'ar', format: 'easy' });
  expect(bundle?.answers_json).toContain('المكتبة مهمة لي');
});
