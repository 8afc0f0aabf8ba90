/**
 * Engagements assigned to devices (issue 6): an organiser takes an engagement off a device; the device
 * keeps it while an answer to it still waits to be sent, drops it once sent, and downloads it again
 * when it is assigned back; the device list shows the queue left after the device's last sync. Revoked and
 * enrolled again, the device keeps what it was assigned. axe on the device list and the assignment form.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { staffFor } from '../support/insight-e2e';
import { facilitatorHome } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { enrolDevice, makeEnrolmentCode } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

/** A participant who skips every question: one bundle in the outbox. */
async function quickBundle(page: Page) {
  await page.goto(`${server.url}/p/library-your-say`);
  await submit(page);
  await page.locator('#consent').check();
  await submit(page);
  while (await page.locator('main .progress').isVisible()) {
    const title = (await page.locator('main h1').textContent()) ?? '';
    await page.locator('[data-action="skip"]').click();
    await expect(page.locator('main h1')).not.toHaveText(title);
  }
  await submit(page);
  await submit(page);
  await page.locator('[data-action="no-claim"]').click();
  await page.locator('main .actions .button.primary').click();
  await expect(page.locator('.reference')).toBeVisible();
}

async function choose(web: Page, pick: (form: ReturnType<Page['locator']>) => Promise<void>, state: string) {
  await web.goto(`${server.url}/staff/devices`);
  await web.getByRole('button', { name: 'Choose engagements for Outreach tablet' }).click();
  const form = web.locator('form', { has: web.getByRole('heading', { name: 'Engagements on Outreach tablet' }) });
  await expect(form.getByRole('heading')).toBeFocused();
  await expectAccessible(web, `assignment form, ${state}`);
  await pick(form);
  await form.getByRole('button', { name: 'Save engagements for Outreach tablet' }).click();
  await expect(web.getByRole('status')).toContainText('Saved. Outreach tablet downloads its engagements when it is next online.');
}

test('an engagement taken off a device stays while its answers wait, goes once they are sent, and comes back when assigned', async ({
  browser,
}) => {
  const device = await browser.newContext();
  const tablet = await device.newPage();
  await enrolDevice(tablet, server.url, server.enrolCode ?? '', 'Outreach tablet');
  await expect(tablet.getByTestId('offline-library-your-say')).toContainText('Ready offline');
  // the network to the sync endpoint is cut, so one answer waits on the device
  await device.route('**/api/sync/batches', (route) => route.abort());
  await quickBundle(tablet);

  const staff = await browser.newContext();
  const web = await staff.newPage();
  await staffFor(server, web.request);
  await web.goto(`${server.url}/staff/devices`);
  const row = web.getByRole('row', { name: /Outreach tablet/ });
  await expect(row).toContainText('Every published engagement');
  await expectAccessible(web, 'device list');
  await choose(
    web,
    async (form) => {
      await form.getByLabel('Only the engagements I choose').check();
      await expect(form.getByLabel('Your library, your say (version 1)')).not.toBeChecked();
      await expectAccessible(web, 'assignment form, choosing');
    },
    'all',
  );
  await expect(row).toContainText('None');
  await expectAccessible(web, 'device list, saved');
  expect(server.query(`select action from audit_events where action = 'device.engagements'`)).toHaveLength(1);

  // the device: still listed while its answer waits, without a way to start it
  await facilitatorHome(tablet, server);
  await expect(tablet.getByTestId('offline-library-your-say')).toHaveText(
    'Taken off this device by an organiser. It stays here until its answers are sent.',
  );
  await expect(tablet.getByRole('button', { name: /Start with a participant/ })).toHaveCount(0);
  await expectAccessible(tablet, 'device home, engagement held for its waiting answer');

  // sent: the next download lets it go
  await device.unroute('**/api/sync/batches');
  await tablet.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => server.query('select id from inbox').length).toBe(1);
  await expect(tablet.getByText('Everything has been sent.')).toBeVisible();
  await tablet.reload();
  await expect(tablet.getByText('No engagements yet. Connect to the internet to download them.')).toBeVisible();

  // assigned back: downloaded again, ready offline
  await choose(web, (form) => form.getByLabel('Your library, your say (version 1)').check(), 'chosen, none');
  await expect(row).toContainText('Your library, your say');
  await tablet.reload();
  await expect(tablet.getByTestId('offline-library-your-say')).toContainText('Ready offline');
  await expect(tablet.getByRole('button', { name: /Start with a participant/ })).toBeVisible();
  // everything was sent: the list says nothing waits (what the device had left, not what it had before)
  await web.reload();
  await expect(row.getByRole('cell').nth(3)).toHaveText('0');

  // revoked: the device offers nothing; enrolled again, it carries what it was assigned, not every engagement
  await row.getByRole('button', { name: 'Revoke Outreach tablet' }).click();
  await web.getByRole('button', { name: 'Yes, revoke Outreach tablet' }).click();
  await expect(row).toContainText('Revoked');
  await tablet.reload();
  await expect(tablet.getByRole('heading', { name: 'This device was removed' })).toBeVisible();
  await expect(tablet.getByRole('button', { name: /Start with a participant/ })).toHaveCount(0);
  await expect(tablet.getByText('There are no unsent responses on this device.')).toBeVisible();
  await expectAccessible(tablet, 'device home, removed, nothing unsent');
  const code = await makeEnrolmentCode(web);
  await tablet.getByRole('link', { name: 'Enrol again' }).click();
  await enrolDevice(tablet, server.url, code, 'Outreach tablet again');
  await expect(tablet.getByTestId('offline-library-your-say')).toContainText('Ready offline');
  await web.reload();
  const again = web.getByRole('row', { name: /Outreach tablet again/ });
  await expect(again).toContainText('Active');
  await expect(again.getByRole('cell').nth(4)).toContainText('Your library, your say');
  await expect(again).not.toContainText('Every published engagement');
  await device.close();
  await staff.close();
});
