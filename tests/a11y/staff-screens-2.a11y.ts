/** Every staff screen at a phone width (320 px), where no page may scroll sideways; the 1366 px walk is in staff-screens-1, so the two workers share it. */
import { test } from '@playwright/test';
import { type RunningServer, startServer } from '../support/server-process';
import { walkStaffScreens } from './staff-walk';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('axe finds nothing on any staff screen at 320 px, and no page scrolls sideways', async ({ browser }) => {
  test.setTimeout(600_000);
  await walkStaffScreens(browser, server, 320);
});
