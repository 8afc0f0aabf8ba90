/**
 * Paper forms (issue 6) counted by input method (issue 7): a facilitator types one in on the device
 * (behind facilitator mode, the same journey, marked paper), an organiser types one in on the staff web
 * (sealed in the browser); both arrive and the results page counts both under "From paper". axe on every
 * new screen state.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { staffFor } from '../support/insight-e2e';
import { type RunningServer, startServer } from '../support/server-process';
import { enrolDevice } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

test('a paper form typed in on the device and one on the staff web are both counted "From paper"', async ({ browser }) => {
  // the device: facilitator mode, "Enter a paper form"
  const device = await browser.newContext();
  const tablet = await device.newPage();
  await enrolDevice(tablet, server.url, server.enrolCode ?? '', 'Outreach tablet');
  await expectAccessible(tablet, 'device home with paper form button');
  await tablet.getByRole('link', { name: /^Enter a paper form/ }).click();
  await expect(tablet.locator('.paper-banner')).toHaveText('Paper form: type in the answers written on the form.');
  await expectAccessible(tablet, 'paper form, start');
  await submit(tablet);
  await tablet.getByLabel('I understand and I want to take part').check();
  await submit(tablet);
  await tablet.getByLabel('Yes', { exact: true }).check();
  await submit(tablet);
  // the rest as on the form: blank, except the spoken question, written down on paper (a text box here)
  while (await tablet.locator('main .progress').isVisible()) {
    const title = (await tablet.locator('main h1').textContent()) ?? '';
    if (/in your own voice/.test(title)) {
      await expect(tablet.locator('main .voice')).toHaveCount(0);
      await tablet.locator('main textarea').fill('Written on the form: more evening opening');
      await expectAccessible(tablet, 'paper form, spoken question typed in');
      await submit(tablet);
    } else await tablet.locator('[data-action="skip"]').click();
    await expect(tablet.locator('main h1')).not.toHaveText(title);
  }
  await submit(tablet); // contact: left blank
  await submit(tablet); // monitoring: left blank
  await tablet.locator('[data-action="no-claim"]').click(); // the demo offers expenses: no claim on this form
  await expect(tablet.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(tablet.locator('.summary')).toContainText('Written on the form: more evening opening');
  await tablet.locator('main .actions .button.primary').click();
  await expect(tablet.getByRole('heading', { level: 1, name: 'Paper form saved' })).toBeVisible();
  await expect(tablet.getByText('Write this reference code on the paper form.')).toBeVisible();
  const deviceRef = ((await tablet.locator('.reference').textContent()) ?? '').trim();
  expect(deviceRef).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(tablet.locator('.paper-banner')).toHaveCount(0);
  await expectAccessible(tablet, 'paper form, done');
  await tablet.getByRole('button', { name: 'Enter another paper form' }).click();
  await expect(tablet.locator('.paper-banner')).toBeVisible();
  await expect(tablet.locator('input[name="format"][value="standard"]')).toBeChecked();
  await expect.poll(() => server.query(`select input_method from bundles`).map((r) => r.input_method)).toEqual(['paper']);

  // the staff web: an organiser enters the next form; it is sealed in the browser
  const staff = await browser.newContext();
  const web = await staff.newPage();
  await staffFor(server, web.request);
  await web.goto(`${server.url}/staff/engagements`);
  await web.getByRole('link', { name: /^Enter a paper form/ }).click();
  await expect(web.getByRole('heading', { level: 1, name: 'Enter a paper form: Your library, your say' })).toBeVisible();
  await expectAccessible(web, 'staff paper form, empty');
  await web.getByRole('button', { name: 'Save this paper form' }).click();
  await expect(web.getByRole('alert')).toContainText('agreed to take part');
  await expectAccessible(web, 'staff paper form, error');
  await web
    .getByRole('group', { name: /Have you used the library/ })
    .getByLabel('No', { exact: true })
    .check();
  await web
    .getByRole('group', { name: /How do you feel/ })
    .getByLabel('4: Happy')
    .check();
  await web
    .getByRole('group', { name: /Share 5 tokens/ })
    .getByLabel('Longer opening hours')
    .fill('9');
  await web.getByLabel('The form shows the person agreed to take part').check();
  await web.getByRole('button', { name: 'Save this paper form' }).click();
  await expect(web.getByRole('alert')).toContainText('the form shares 9 tokens, but there are only 5');
  await web
    .getByRole('group', { name: /Share 5 tokens/ })
    .getByLabel('Longer opening hours')
    .fill('3');
  await web.getByRole('button', { name: 'Save this paper form' }).click();
  await expect(web.getByRole('status')).toContainText('Write this reference on the form');
  const webRef = ((await web.getByTestId('paper-reference').textContent()) ?? '').trim();
  expect(webRef).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(web, 'staff paper form, saved');
  // the form is blank again for the next one
  await expect(web.getByLabel('The form shows the person agreed to take part')).not.toBeChecked();

  const rows = () => server.query<{ input_method: string; device_id: string; reference_code: string }>('select * from bundles');
  await expect.poll(() => rows().length).toBe(2);
  expect(rows().every((r) => r.input_method === 'paper')).toBe(true);
  expect(
    rows()
      .map((r) => r.reference_code)
      .sort(),
  ).toEqual([deviceRef, webRef].sort());
  expect(rows().some((r) => r.device_id.startsWith('staff:'))).toBe(true);
  expect(server.query(`select action from audit_events where action = 'bundle.paper_entered'`)).toHaveLength(1);

  // insight: both under "From paper"
  const engagementId = server.query<{ id: string }>(`select id from engagements where slug = 'library-your-say'`)[0]?.id;
  await web.goto(`${server.url}/staff/insight/${engagementId}/results`);
  await expect(web.getByTestId('total')).toHaveText('2');
  const byInput = web.locator('table[data-table="by-input"] tbody tr');
  await expect(byInput).toHaveCount(1);
  await expect(byInput.first()).toHaveAttribute('data-key', 'paper');
  await expect(byInput.first().locator('th, td').first()).toContainText('From paper');
  await expect(byInput.first().locator('td')).toHaveAttribute('data-count', '2');
  await device.close();
  await staff.close();
});
