import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { enrolViaUi } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { chooseStart, walkJourney } from './participant-walk';

// The locales are split over two files so the two Playwright workers share the work.
const LOCALES = ['en', 'gd', 'pl', 'uk'];

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test(`axe finds nothing on any participant screen, in any state, in ${LOCALES.join(', ')}, standard and easy read`, async ({ page }) => {
  test.setTimeout(480_000);
  await enrolViaUi(page, server);
  await page.goto(`${server.url}/p/library-your-say`);
  for (const lng of LOCALES) {
    for (const format of ['standard', 'easy'] as const) {
      await chooseStart(page, lng, format);
      const code = await walkJourney(page, (state) => expectAccessible(page, `${lng} ${format}: ${state}`));
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
  }
});
