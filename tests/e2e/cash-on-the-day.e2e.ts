/**
 * Cash handed over on the day reaches the session: a participant in a session with a £40.00 float claims
 * £60.85 of mileage, paid in cash. The session's paid-out rises in the same transaction as the bundle; closing
 * shows issued, paid out and cash to return, and warns that the float was passed; the server and finance's
 * float report get £60.85.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { type RunningServer, startServer } from '../support/server-process';
import { enrolDevice, financeSignedIn } from '../support/staff-ui';

let server: RunningServer;
test.afterAll(async () => {
  await server?.stop();
});

test('a cash claim in a session raises its paid-out; closing warns it passed the float; finance sees it', async ({ page, browser }) => {
  test.setTimeout(300_000);
  server = await startServer();
  await enrolDevice(page, server.url, server.enrolCode ?? '', 'Library tablet');
  await page.getByRole('link', { name: 'Sessions at a venue' }).click();
  await page.getByLabel('Venue').fill('Eastfield Library');
  await page.getByLabel('Cash float given out').fill('40');
  await page.getByRole('button', { name: 'Open session' }).click();
  await page.getByRole('button', { name: 'Hand over to a participant' }).click();

  // the participant answers nothing but claims 135.222 miles by car (£60.85), in cash
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  while (await page.locator('main .progress').isVisible()) await page.getByRole('button', { name: "Skip / I don't know" }).click();
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[data-action="claim"]').click();
  await page.locator('#add-cost').click();
  await page.locator('#category-mileage').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#miles').fill('135.222');
  await page.getByRole('button', { name: 'Add this cost' }).click();
  await expect(page.locator('.claim-lines')).toContainText('£60.85');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#time-decline').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#method-cash').check();
  await expect(page.locator('#handed')).toHaveValue('60.85');
  await page.locator('#cash-confirmed').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#declare-name').fill('Ann Example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.locator('.reference')).toBeVisible();

  // the facilitator takes the device back and closes the session
  await page.goBack();
  await page.getByLabel('Facilitator PIN').fill('2468');
  await page.getByRole('button', { name: 'Leave participant mode' }).click();
  // Back led to the session page, behind the gate: unlocked, it is that page
  await expect(page.getByRole('heading', { level: 1, name: 'Session' })).toBeVisible();
  await expect(page.getByTestId('float-paid-out')).toHaveText('£60.85');
  await expect(page.getByLabel('Cash paid out')).toHaveValue('60.85');
  await expect(page.getByTestId('float-over')).toContainText('£60.85');
  await expect(page.getByTestId('float-over')).toContainText('£40.00');
  await expectAccessible(page, 'close session, cash paid out passes the float');
  await page.getByLabel('How many people came').fill('9');
  await page.getByLabel('Cash returned').fill('0');
  await page.getByRole('button', { name: 'Close session' }).click();
  // closed (kept on the device) before the facilitator goes on: a navigation would cut the write short
  await expect(page.getByText(/Eastfield Library, .*: 9 came/)).toBeVisible();
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() => server.query<{ paid: number }>('select float_paid_out_pence as paid from sessions'), { timeout: 60_000 })
    .toEqual([{ paid: 6085 }]);

  // finance's float report for the session
  const admin = await (await browser.newContext()).newPage();
  const finance = await (await browser.newContext()).newPage();
  await financeSignedIn(admin, finance, server);
  const report = await finance.request.get(`${server.url}/api/finance/sessions`);
  expect(report.ok()).toBe(true);
  expect(JSON.stringify(await report.json())).toContain('"paidOutPence":6085');
});
