/**
 * The rate card as a form: an organiser turns expenses on for a new engagement, types rates in pounds and
 * pence (a wrong one first, named in the error summary and beside its field), saves and publishes; a device
 * then offers the claim with those rates: the childcare cap in its hint, the taxi cap as a warning.
 * The form is checked with axe at 1366 and 320 px.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, enrolDevice, makeEnrolmentCode, ORGANISER, setupAdmin, signIn } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function bothWidths(page: Page, state: string) {
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `${state} at ${width} px`);
  }
  await page.screenshot({ path: test.info().outputPath(`${state.replace(/\W+/g, '-')}-320.png`), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('an organiser sets a rate card through the form, publishes, and a device offers the claim with those rates', async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await (await browser.newContext()).newPage();
  await setupAdmin(staff, server);
  await addAccount(staff, ORGANISER);
  await staff.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(staff, server, ORGANISER);

  // the demo's own card loads into the form in pounds and pence
  await staff.getByRole('link', { name: 'Engagements' }).click();
  await staff
    .getByRole('link', { name: /Your library, your say/ })
    .first()
    .click();
  await expect(staff.getByLabel('This engagement offers expenses')).toBeChecked();
  await expect(staff.getByRole('group', { name: /^Mileage/ }).getByLabel('Car')).toHaveValue('0.45');
  await expect(staff.getByLabel('Payment for time')).toHaveValue('20.00');

  await staff.getByRole('link', { name: 'Engagements' }).click();
  await staff.getByLabel('Title (English, standard)').fill('Bus routes');
  await staff.getByLabel('Short web address').fill('bus-routes');
  await staff.getByRole('button', { name: 'Create engagement' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Details: Bus routes' })).toBeVisible();
  const privacy = staff.getByRole('group', { name: 'Privacy notice', exact: true });
  await privacy.getByLabel('English (en), standard').fill('Answers are anonymous and kept for two years.');
  await privacy.getByLabel('English (en), easy read').fill('We do not need your name.');

  const offers = staff.getByLabel('This engagement offers expenses');
  await expect(offers).not.toBeChecked();
  await offers.check();
  await staff.getByLabel('Childcare or replacement care: most paid per hour').fill('9.50');
  await staff.getByRole('group', { name: 'Most paid per line' }).getByLabel('Taxi').fill('12.5');
  await staff.getByLabel('Claim deadline: days after the session').fill('two weeks');
  await staff.getByRole('button', { name: 'Save draft' }).click();
  const summary = staff.getByRole('alert').filter({ hasText: 'There is a problem with the rate card' });
  await expect(summary).toContainText('Claim deadline: enter a whole number of days');
  await expect(summary).toBeFocused();
  await expect(staff.getByLabel('Claim deadline: days after the session')).toHaveAttribute('aria-invalid', 'true');
  await bothWidths(staff, 'rate card form with a problem');
  await summary.getByRole('link').click();
  await expect(staff.getByLabel('Claim deadline: days after the session')).toBeFocused();
  await staff.getByLabel('Claim deadline: days after the session').fill('14');
  await staff.getByRole('button', { name: 'Save draft' }).click();
  await expect(summary).toBeHidden();
  await expect(staff.getByRole('status').first()).toContainText('Draft saved');
  await bothWidths(staff, 'rate card form');

  const saved = server.query<{ content_json: string }>(
    "select d.content_json from engagement_drafts d join engagements e on e.id = d.engagement_id where e.slug = 'bus-routes'",
  )[0];
  expect(JSON.parse(saved?.content_json ?? '{}').rateCard).toMatchObject({
    childcareHourlyCap: 950,
    caps: { taxi: 1250 },
    claimDeadlineDays: 14,
  });

  await staff.getByRole('link', { name: 'Questions', exact: true }).click();
  await staff.getByLabel('Type of the new question').selectOption({ label: 'Yes / no / not sure' });
  await staff.getByRole('button', { name: 'Add question' }).click();
  await staff
    .getByRole('group', { name: 'Question wording', exact: true })
    .getByLabel('English (en), standard')
    .fill('Do you take the bus?');
  await staff.getByRole('link', { name: 'Publish' }).click();
  await staff.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(staff.getByRole('status').first()).toContainText('Version 1 is published');

  // a device offers the claim with the organiser's rates
  const code = await makeEnrolmentCode(staff);
  const device = await (await browser.newContext()).newPage();
  await enrolDevice(device, server.url, code, 'Bus station tablet');
  await expect(device.getByTestId('offline-bus-routes')).toHaveText(/^Ready offline: version 1, \d/);
  await device.goto(`${server.url}/claim/bus-routes`);
  await device.getByLabel('I agree that the details of my claim are used to pay me').check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByRole('button', { name: 'Add a cost' }).click();
  await device.getByLabel(/^Childcare/).check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await expect(device.getByText('We can pay up to £9.50 an hour.')).toBeVisible();
  await device.getByRole('button', { name: 'Back' }).click();
  await device.getByLabel('Taxi').check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByLabel('How much did it cost?').fill('13.00');
  await device.getByLabel('Why did you need a taxi?').fill('No bus after 9pm');
  await device.getByRole('button', { name: 'Add this cost' }).click();
  await expect(device.getByText('This is more than we usually pay: finance may pay less')).toBeVisible();
});
