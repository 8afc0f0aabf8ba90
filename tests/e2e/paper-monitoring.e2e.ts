/**
 * A paper form typed in on the staff web with its "about the person" parts (equality monitoring, contact)
 * and its expense claim: the person counts in "who took part" and the claim reaches finance. Twenty people answered on a device first (ten women, and ten others
 * in groups small enough to be hidden, so no suppression hides the women's count), so it shows. axe on the form with the new sections at 1366 and 320 px.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { sealedItem } from '../support/bundles';
import { deviceFor, staffFor } from '../support/insight-e2e';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a paper form with monitoring, contact and a claim counts in "who took part"', async ({ page, playwright }) => {
  const request = await playwright.request.newContext();
  const device = await deviceFor(server, request);
  const genders = [...Array(10).fill('woman'), ...Array(5).fill('man'), ...Array(5).fill('non_binary')] as (
    | 'woman'
    | 'man'
    | 'non_binary'
  )[];
  await device.sync(await Promise.all(genders.map((gender) => sealedItem(device.engagement, { monitoring: { gender } }))));
  await request.dispose();
  await expect.poll(() => server.query('select bundle_id from participation').length).toBe(20);

  await staffFor(server, page.request);
  await page.goto(`${server.url}/staff/engagements`);
  await page.getByRole('link', { name: /^Enter a paper form/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter a paper form: Your library, your say' })).toBeVisible();
  const about = page.getByRole('group', { name: 'About the person (equality monitoring)' });
  await about.getByRole('group', { name: 'What is your gender?' }).getByLabel('Woman', { exact: true }).check();
  await about.getByRole('group', { name: 'How old are you?' }).getByLabel('65 to 74').check();
  await about.getByLabel('Where do you live?').fill('G42');
  const contact = page.getByRole('group', { name: 'Contact for feedback' });
  await contact.getByLabel('Name').fill('Morag Paper');
  const claim = page.getByRole('group', { name: 'Expense claim' });
  await claim.getByLabel('The form makes an expense claim').check();
  await claim.getByRole('button', { name: 'Add a cost' }).click();
  await claim.getByLabel('Kind of cost').selectOption('mileage');
  await claim.getByLabel('Miles').fill('10');
  await claim.getByLabel('How the form asks to be paid').selectOption('bank');
  await claim.getByLabel('Name on the account').fill('M Paper');
  await claim.getByLabel('Sort code').fill('12 34 56');
  await claim.getByLabel('Account number').fill('12345678');
  await claim.getByLabel('Name signed on the declaration').fill('Morag Paper');
  await page.getByLabel('The form shows the person agreed to take part').check();
  await page.getByRole('button', { name: 'Save this paper form' }).click();
  await expect(page.getByRole('alert')).toContainText('the form gives a name but no email or phone');
  await expectAccessible(page, 'staff paper form with monitoring and contact, error');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page, 'staff paper form with monitoring and contact, error, 320 px');
  await page.setViewportSize({ width: 1366, height: 800 });
  await contact.getByLabel('Email address').fill('morag@example.org');
  await page.getByRole('button', { name: 'Save this paper form' }).click();
  await expect(page.getByRole('status')).toContainText('Write this reference on the form');
  // blank again for the next form
  await expect(about.getByRole('group', { name: 'What is your gender?' }).getByLabel('No answer on the form')).toBeChecked();
  await expect(contact.getByLabel('Email address')).toHaveValue('');

  await expect.poll(() => server.query('select bundle_id from participation').length).toBe(21);
  expect(server.query<{ n: number }>('select count(*) as n from feedback_contacts')[0]?.n).toBe(1);
  // ten miles by car at the card's 45p
  expect(server.query<{ claimed_pence: number; payment_method: string }>('select claimed_pence, payment_method from claims')).toEqual([
    { claimed_pence: 450, payment_method: 'bank' },
  ]);
  await page.goto(`${server.url}/staff/insight/${device.engagement.engagementId}/people`);
  await expect(page.locator('table[data-table="m-gender"] tr[data-key="woman"] td')).toHaveText('11');
});
