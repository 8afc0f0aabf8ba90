/** Every staff screen at a desktop width (1366 px); the same walk at 320 px is in staff-screens-2, so the two workers share it. */
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

test('axe finds nothing on any staff screen at 1366 px', async ({ browser }) => {
  test.setTimeout(600_000);
  await walkStaffScreens(browser, server, 1366);
});
