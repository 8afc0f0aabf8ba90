/**
 * axe over every claim screen and state, in standard and easy read, in English, Arabic and Polish.
 * Selectors are by id and role, so the same walk runs in every language.
 */
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { enrolViaUi } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

// the six walks are independent, each with its own server (an enrolment code is used once)
test.describe.configure({ mode: 'parallel' });

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/receipt.jpg');

const primary = (page: Page) => page.locator('form button[type=submit].primary, .actions button.primary').first();

for (const lng of ['en', 'ar', 'pl'] as const) {
  for (const fmt of ['standard', 'easy'] as const) {
    test(`claim screens pass axe: ${lng}, ${fmt}`, async ({ page }) => {
      test.setTimeout(180_000);
      const check = (state: string) => expectAccessible(page, `${lng} ${fmt}: ${state}`);
      await enrolViaUi(page, server);
      // the demo's published rate card offers payment for time (£20), so that screen is reached
      await page.goto(`${server.url}/claim/library-your-say`);
      await page.locator(`input[name=language][value="${lng}"]`).check();
      // as a participant would: the page turns to the language (Arabic right to left) before the next choice
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await page.locator(`input[name=format][value="${fmt}"]`).check();
      await primary(page).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await check('start, error');
      await page.locator('#claim-consent').check();
      await primary(page).click();

      await expect(page.locator('#add-cost')).toBeVisible();
      await page.locator('#add-cost').click();
      await primary(page).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await check('category, error');
      await page.locator('#category-public_transport').check();
      await primary(page).click();
      await primary(page).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.locator('#amount').fill('4.20');
      await page.locator('#receipt').setInputFiles(FIXTURE);
      await expect(page.locator('.file-button')).toHaveText(/./);
      await expect(page.locator('p[role=status]')).toHaveText(/\d/);
      await check('bus, with photo');
      await primary(page).click();

      await page.locator('#add-cost').click();
      await page.locator('#category-mileage').check();
      await primary(page).click();
      await page.locator('#miles').fill('12.5');
      await primary(page).click();

      await page.locator('#add-cost').click();
      await page.locator('#category-childcare').check();
      await primary(page).click();
      await page.locator('#hours').fill('2');
      await page.locator('#rate').fill('20');
      await page.locator('#no-receipt').check();
      await check('childcare, no receipt');
      await primary(page).click();

      await page.locator('#add-cost').click();
      await page.locator('#category-taxi').check();
      await primary(page).click();
      await page.locator('#amount').fill('4.20');
      await primary(page).click();
      await expect(page.locator('.warnings').first()).toBeVisible();
      await check('costs, with warnings');
      // "no claim" with costs added asks first; keeping them loses nothing
      await page.locator('#no-claim').click();
      await expect(page.locator('#no-claim-q')).toBeFocused();
      await check('costs, asked before no claim');
      await page.locator('#no-claim-keep').click();
      await expect(page.locator('.claim-lines > li')).toHaveCount(4);
      await primary(page).click();

      await expect(page.locator('#time-accept')).toBeVisible();
      await primary(page).click();
      await check('time, error');
      await page.locator('#time-reduce').check();
      await page.locator('#time-amount').fill('10');
      await primary(page).click();

      await primary(page).click();
      await page.locator('#method-bank').check();
      await page.locator('#sort-code').fill('1');
      await primary(page).click();
      await check('payment, bank errors');
      await page.locator('#method-cash').check();
      await page.locator('#method-voucher').check();
      await page.locator('#voucher-type').fill('Bus pass');
      await primary(page).click();

      await primary(page).click();
      await check('declaration, error');
      await page.locator('#declare-how-witnessed').check();
      await page.locator('#declare-name').fill('Sam Facilitator');
      await primary(page).click();
      await expect(page.locator('.panel-success')).toBeVisible();
      await check('saved');
      if (lng === 'ar' && fmt === 'easy') {
        await page.setViewportSize({ width: 320, height: 800 });
        await page.screenshot({ path: 'test-results/expenses-saved-ar-320.png', fullPage: true });
      }
    });
  }
}
