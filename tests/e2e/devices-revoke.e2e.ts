/**
 * Revoking a device: its next sync is refused, it says plainly who removed it and when, drops its engagements
 * and offers none, keeps its unsent answers and exports them, and once enrolled again they arrive.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { completeDemoJourney, facilitatorHome, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, enrolDevice, makeEnrolmentCode, ORGANISER, setupAdmin, signIn } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ env: { ORG_NAME: 'Leith Community Council' } });
});
test.afterAll(async () => {
  await server.stop();
});

const engagementsKept = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const count = req.result.transaction('engagements').objectStore('engagements').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

const deviceToken = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('identity');
          get.onsuccess = () => resolve((get.result as { token: string }).token);
          get.onerror = () => reject(get.error);
        };
      }),
  );

test('a revoked device is refused at once, keeps its answers, and delivers them once enrolled again', async ({ browser }) => {
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await setupAdmin(staff, server);
  await addAccount(staff, ORGANISER);
  await staff.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Staff sign in' })).toBeVisible();
  await signIn(staff, server, ORGANISER);
  const code = await makeEnrolmentCode(staff);

  const deviceCtx = await browser.newContext();
  const device = await deviceCtx.newPage();
  await enrolDevice(device, server.url, code, 'Food bank phone');
  await waitForServiceWorker(device);
  await staff.reload();
  const row = staff.getByRole('row', { name: /Food bank phone/ });
  await expect(row).toContainText(ORGANISER.name);
  await expect(row).toContainText('Active');
  await expectAccessible(staff, 'devices list');

  // a participant answers offline; meanwhile the organiser revokes the device
  await deviceCtx.setOffline(true);
  await device.reload();
  await completeDemoJourney(device);
  await device.getByRole('button', { name: 'Finish' }).click();
  await facilitatorHome(device, server);
  await expect(device.getByTestId('queue-waiting')).toHaveText('1');
  const oldToken = await deviceToken(device);

  await row.getByRole('button', { name: 'Revoke Food bank phone' }).click();
  await expectAccessible(staff, 'devices list, confirming revoke');
  await staff.getByRole('button', { name: 'Yes, revoke Food bank phone' }).click();
  await expect(staff.getByRole('status')).toContainText('Food bank phone is switched off');
  await expect(row).toContainText('Revoked');
  await expectAccessible(staff, 'devices list, revoked');

  // the connection returns: the server refuses; the device says who removed it and when, offers no
  // engagement, and keeps the answer, which it can export for staff
  await deviceCtx.setOffline(false);
  await device.getByRole('button', { name: 'Sync now' }).click();
  await expect(device.getByRole('heading', { name: 'This device was removed' })).toBeVisible();
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' }).format(new Date());
  await expect(device.getByTestId('device-removed')).toContainText(`This device was removed from Leith Community Council on ${today}.`);
  await expect(device.getByText(/Unsent responses are kept: export them/)).toBeVisible();
  await expect(device.getByRole('button', { name: /Start with a participant/ })).toHaveCount(0);
  await expect(device.getByRole('heading', { name: 'Your library, your say' })).toHaveCount(0);
  await expect.poll(() => engagementsKept(device)).toBe(0);
  await expect(device.getByTestId('queue-waiting')).toHaveText('1');
  await expectAccessible(device, 'device home, removed');
  await device.setViewportSize({ width: 320, height: 720 });
  await expectAccessible(device, 'device home, removed, 320 px');
  await device.setViewportSize({ width: 1366, height: 768 });
  const download = device.waitForEvent('download');
  await device.getByRole('button', { name: 'Export unsent responses' }).click();
  const file = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8')) as { bundles: unknown[]; deviceName: string };
  expect([file.bundles.length, file.deviceName]).toEqual([1, 'Food bank phone']);
  await expect(device.getByRole('status').filter({ hasText: 'The file is saved. Give it to staff.' })).toBeVisible();
  // still so after a reload, offline
  await deviceCtx.setOffline(true);
  await device.reload();
  await expect(device.getByTestId('device-removed')).toContainText('Leith Community Council');
  await expect(device.getByRole('button', { name: /Start with a participant/ })).toHaveCount(0);
  await deviceCtx.setOffline(false);
  expect(server.query('select id from bundles')).toHaveLength(0);
  const refused = await deviceCtx.request.post(`${server.url}/api/sync/batches`, {
    headers: { Authorization: `Bearer ${oldToken}` },
    data: { items: [] },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'device_revoked', message: expect.stringContaining('Enrol it again') });

  // enrolled again with a new code: the kept answer arrives, once
  const again = await makeEnrolmentCode(staff);
  await device.getByRole('link', { name: 'Enrol again' }).click();
  await enrolDevice(device, server.url, again, 'Food bank phone (2)');
  await expect(device.getByTestId('queue-waiting')).toHaveText('0', { timeout: 20_000 });
  await expect(device.getByRole('heading', { name: 'This device was removed' })).toHaveCount(0);
  await expect(device.getByRole('button', { name: /Start with a participant/ })).toBeVisible();
  // acknowledged on commit, opened into `bundles` just after
  expect(server.query('select id from inbox')).toHaveLength(1);
  await expect.poll(() => server.query('select id from bundles').length).toBe(1);
  await deviceCtx.close();
  await staffCtx.close();
});
