import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { enrolViaUi } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { chooseStart, walkJourney } from './participant-walk';

const LOCALES = ['ar', 'ur', 'zh-Hans'];

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test(`axe finds nothing on any participant screen, in any state, in ${LOCALES.join(', ')}, standard and easy read; high contrast passes 7:1`, async ({
  page,
}) => {
  test.setTimeout(480_000);
  await enrolViaUi(page, server);
  await page.goto(`${server.url}/p/library-your-say`);
  for (const lng of LOCALES) {
    for (const format of ['standard', 'easy'] as const) {
      await chooseStart(page, lng, format);
      await expect(page.locator('html')).toHaveAttribute('dir', lng === 'zh-Hans' ? 'ltr' : 'rtl');
      await walkJourney(page, (state) => expectAccessible(page, `${lng} ${format}: ${state}`));
    }
  }
  // high contrast (and the biggest text): every state again, with the AAA contrast rule as well
  for (const [lng, format] of [
    ['en', 'easy'],
    ['ar', 'standard'],
  ] as const) {
    await chooseStart(page, lng, format);
    await page.locator('input[name="display-contrast"]').check();
    await page.locator('input[name="text-size"]').nth(2).check();
    await expect(page.locator('html')).toHaveClass(/contrast/);
    await walkJourney(page, (state) => expectAccessible(page, `${lng} ${format} high contrast: ${state}`, ['wcag2aaa']));
    // Done resets the display options with everything else
    await expect(page.locator('html')).not.toHaveClass(/contrast|text-200/);
  }
});
