/**
 * axe over the hand-over's new screens and states in en, ar and gd, standard and easy read: the start page
 * (with what read aloud can do here), the gate a participant meets on Back (their words in their language, the
 * PIN in the facilitator's), the facilitator home with unfinished answers, the payment page asking again for
 * bank details after a reload, and the facilitator's choice of language for their own screens.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { enrolViaUi, reloadWhenSaved } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { chooseStart } from './participant-walk';

let server: RunningServer;
test.afterAll(async () => {
  await server?.stop();
});

const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

async function unlock(page: Page): Promise<void> {
  await page.locator('#unlock-pin').fill('2468');
  await page.locator('form.panel button[type="submit"]').click();
  await expect(page.locator('#facilitator-language')).toBeVisible();
}

test('hand-over screens in en, ar and gd, standard and easy read', async ({ page }) => {
  test.setTimeout(600_000);
  server = await startServer();
  await enrolViaUi(page, server);
  for (const lng of ['en', 'ar', 'gd'] as const) {
    // the facilitator's own language for their screens
    await page.locator('#facilitator-language').selectOption(lng);
    await expect(page.locator('html')).toHaveAttribute('lang', lng);
    for (const format of ['standard', 'easy'] as const) {
      const state = `${lng}, ${format}`;
      await page.locator('main .card .button.primary').first().click();
      await chooseStart(page, lng, format);
      await expectAccessible(page, `start page (${state})`);
      await submit(page);
      await page.locator('#consent').check();
      await submit(page);
      await expect(page.locator('main .progress')).toBeVisible();

      // Back: the gate, the participant's part in their language, the PIN in the facilitator's
      await page.goBack();
      await expect(page.locator('#unlock-pin')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expectAccessible(page, `gate (${state})`);
      await page.locator('#unlock-pin').fill('0000');
      await page.locator('form.panel button[type="submit"]').click();
      await expect(page.locator('#unlock-pin-error')).toBeVisible();
      await expectAccessible(page, `gate, wrong PIN (${state})`);
      await unlock(page);
      await expect(page.getByTestId('unfinished')).toBeVisible();
      await expectAccessible(page, `home with unfinished answers (facilitator ${lng})`);
      await page.getByTestId('unfinished').locator('.button.warning').first().click();
      await expect(page.getByTestId('unfinished')).toHaveCount(0);
    }
  }
  await page.locator('#facilitator-language').selectOption('en');

  // the payment page after a reload asks for bank details again, in each language and format
  for (const lng of ['en', 'ar', 'gd'] as const) {
    for (const format of ['standard', 'easy'] as const) {
      await page.locator('main .card .button.primary').first().click();
      await chooseStart(page, lng, format);
      await submit(page);
      await page.locator('#consent').check();
      await submit(page);
      while (await page.locator('main .progress').isVisible()) await page.locator('[data-action="skip"]').click();
      await page.locator('main .actions .button.secondary').first().click();
      await expect(page.locator('#monitoring-area')).toBeVisible();
      await page.locator('main .actions .button.secondary').first().click();
      await page.locator('[data-action="claim"]').click();
      await page.locator('#add-cost').click();
      await page.locator('#category-mileage').check();
      await submit(page);
      await page.locator('#miles').fill('3');
      await submit(page);
      await page.locator('main .actions .button.primary').click();
      await page.locator('#time-decline').check();
      await submit(page);
      await page.locator('#method-bank').check();
      await page.locator('#account-name').fill('Ann Example');
      await page.locator('#sort-code').fill('12-34-56');
      await page.locator('#account-number').fill('31926819');
      await submit(page);
      await expect(page.locator('#declare-name')).toBeVisible();
      await reloadWhenSaved(page);
      await expect(page.locator('main [role="note"]')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expectAccessible(page, `payment, bank details asked again (${lng}, ${format})`);
      // Start again ends this participant's turn: the next starts afresh
      await page.locator('.journey-bar .button.secondary').first().click();
      await page.locator('.confirm .button.warning').click();
      await expect(page.locator('input[name="language"]').first()).toBeVisible();
      await page.goto(`${server.url}/`);
      await unlock(page);
    }
  }
});
