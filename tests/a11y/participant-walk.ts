/**
 * Walks the demo journey without relying on any language's labels (by structure and ids), so one walk
 * serves every locale and format. `check(state)` runs at every screen state.
 */
import { expect, type Page } from '@playwright/test';
import { questionReady } from '../support/journey';

export type Check = (state: string) => Promise<void>;

const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

async function heading(page: Page): Promise<string> {
  const h = page.locator('main h1').first();
  await expect(h).toBeVisible();
  return (await h.textContent()) ?? '';
}

export async function chooseStart(page: Page, lng: string, format: 'standard' | 'easy'): Promise<void> {
  await page.locator(`input[name="language"][value="${lng}"]`).check();
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await page.locator(`input[name="format"][value="${format}"]`).check();
}

/** From the start page (language and format already chosen) to Done; returns the reference code. */
export async function walkJourney(page: Page, check: Check): Promise<string> {
  await check('start, filled');
  await submit(page);
  await expect(page.locator('#consent')).toBeVisible();
  await submit(page);
  await expect(page.locator('.error-summary')).toBeFocused();
  await check('about, error');
  await page.locator('#consent').check();
  await submit(page);

  for (let n = 1; ; n++) {
    if (!(await page.locator('main .progress').isVisible())) break;
    const title = await heading(page);
    await questionReady(page);
    await check(`question ${n}, empty`);
    await submit(page);
    await expect(page.locator('.error-summary')).toBeFocused();
    await check(`question ${n}, error`);
    if (await page.locator('.priority-list').isVisible()) {
      await page.locator('.priority-list [id$="-plus"]').first().click();
      await page.locator('.priority-list [id$="-plus"]').nth(1).click();
    } else if (await page.locator('main textarea').isVisible()) {
      await page.locator('main textarea').fill('Free text: تجربة — 测试 — Dziękuję');
    } else if (await page.locator('main .voice').isVisible()) {
      await page.locator('[data-action="skip"]').click();
      await expect(page.locator('main h1').first()).not.toHaveText(title);
      continue;
    } else {
      await page.locator('main .options input').nth(1).check();
    }
    await check(`question ${n}, filled`);
    await submit(page);
    await expect(page.locator('main h1').first()).not.toHaveText(title);
  }

  await expect(page.locator('#contact-email')).toBeVisible();
  await check('contact, empty');
  await page.locator('#contact-email').fill('not-an-email');
  await submit(page);
  await expect(page.locator('.error-summary')).toBeFocused();
  await check('contact, error');
  await page.locator('#contact-email').fill('reader@example.org');
  await page.locator('#contact-phone').fill('+44 141 496 0000');
  await check('contact, filled');
  await submit(page);

  await expect(page.locator('#monitoring-area')).toBeVisible();
  await check('monitoring, empty');
  for (const group of ['ageBand', 'gender', 'disability', 'ethnicity'])
    await page.locator(`input[name="monitoring-${group}"]`).nth(1).check();
  await page.locator('#monitoring-area').fill('G42');
  await check('monitoring, filled');
  await submit(page);

  // the demo offers expenses in the journey: the claim question, answered No
  await expect(page.locator('[data-action="no-claim"]')).toBeVisible();
  await check('claim question');
  await page.locator('[data-action="no-claim"]').click();

  await expect(page.locator('.summary')).toBeVisible();
  await check('check answers');
  await page.locator('main .actions .button.primary').click();
  await expect(page.locator('.reference')).toBeVisible();
  await expect(page.locator('svg.qr')).toBeVisible();
  await check('done');
  const code = ((await page.locator('.reference').textContent()) ?? '').trim();
  await page.locator('main .journey > div > button.primary').click();
  await expect(page.locator('input[name="language"]').first()).toBeVisible();
  return code;
}
