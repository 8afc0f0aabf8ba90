/**
 * Finance that pays people on time, in the one staff web: three participants claim bus fares inside the demo
 * journey on an enrolled device, which syncs; a finance-only officer signs in at /staff, approves two claims
 * at once and one in part (a line reduced), makes a Bacs Standard 18 payment run, finds it again after a
 * reload, downloads its bank file again in both formats (the amounts are the approved pence), and marks the
 * bank's outcomes by ticking rows: the failed, partly approved claim is back to partially approved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { addBusFareWithPhoto, answerDemo, enrolViaUi, facilitatorHome, payByBank } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { financeNav, financeSignedIn } from '../support/staff-ui';

const RECEIPT = path.join(import.meta.dirname, '../fixtures/receipt.jpg');
const ORIGINATOR = { BACS_SORT_CODE: '089999', BACS_ACCOUNT_NUMBER: '66374958', BACS_ORIGINATOR_NAME: 'Blether Library Trust' };

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({ env: ORIGINATOR });
});
test.afterAll(async () => {
  await server.stop();
});

/** One participant answers the demo journey on the device and claims these bus fares, paid into a bank account. */
async function participantClaims(page: Page, fares: string[]): Promise<string> {
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerDemo(page, undefined, { claim: 'ask' });
  await page.getByRole('button', { name: 'Yes, I want to claim' }).click();
  for (const [i, fare] of fares.entries()) await addBusFareWithPhoto(page, fare, RECEIPT, i === 0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No, do not pay me for my time').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await payByBank(page);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.getByRole('button', { name: 'Finish' }).click();
  await facilitatorHome(page, server);
  return reference;
}

async function downloaded(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return fs.readFileSync(await (await file).path(), 'utf8');
}

test('a finance-only officer approves three claims, makes a payment run, downloads it again in both formats and marks outcomes by ticking', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const device = await (await browser.newContext()).newPage();
  await enrolViaUi(device, server);
  const [a, b, c] = [
    await participantClaims(device, ['4.20']),
    await participantClaims(device, ['5.00']),
    await participantClaims(device, ['3.00', '6.00']),
  ];
  await expect(device.getByTestId('queue-waiting')).toHaveText('0', { timeout: 30_000 });
  await expect.poll(() => server.query('select id from claims').length, { timeout: 30_000 }).toBe(3);

  const admin = await (await browser.newContext()).newPage();
  const fin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await financeSignedIn(admin, fin, server);
  // the list names the engagement, never an id; claims a single person may approve have a tick box
  const rowOf = (ref: string) => fin.getByRole('row', { name: new RegExp(ref) });
  await expect(rowOf(a)).toContainText('Your library, your say');
  await fin.getByRole('checkbox', { name: `Select claim ${a} for approval` }).check();
  await fin.getByRole('checkbox', { name: `Select claim ${b} for approval` }).check();
  await fin.getByRole('button', { name: 'Approve the 2 selected claims' }).click();
  await expect(fin.getByRole('status')).toHaveText('2 of 2 claims approved in full.');
  await expect(rowOf(a)).toContainText('approved');
  await expect(rowOf(b)).toContainText('£5.00');

  // the third in part: the second fare reduced
  await fin.getByRole('link', { name: `Open claim ${c}` }).click();
  await expect(fin.getByRole('heading', { level: 1, name: `Claim ${c}` })).toBeVisible();
  await fin.getByLabel('Decision for line 1').selectOption('approve');
  await fin.getByLabel('Decision for line 2').selectOption('reduce');
  await fin.getByLabel('Reduce to (£)').fill('2.00');
  await fin.getByLabel('Reason for line 2').fill('The fare on that route is £2.00');
  await fin.getByRole('button', { name: 'Save decisions' }).click();
  await expect(fin.getByTestId('claim-status')).toHaveText('partially approved');
  await expect(fin.getByTestId('claim-approved')).toHaveText('£5.00');

  await financeNav(fin, 'Payment runs');
  await fin.getByLabel('Bacs Standard 18').check();
  await fin.getByRole('button', { name: 'Create payment run' }).click();
  await expect(fin.getByRole('heading', { level: 1, name: /^Run of / })).toBeVisible();
  const runUrl = fin.url();
  expect(runUrl).toMatch(/\/staff\/finance\/runs\/[\w-]+$/);

  // the run is a record: after a reload it is in the list, and opens again
  await fin.reload();
  await expect(fin.getByRole('heading', { level: 1, name: /^Run of / })).toBeVisible();
  await financeNav(fin, 'Payment runs');
  const listed = fin.getByTestId('runs').getByRole('row', { name: /Run of/ });
  await expect(listed).toHaveCount(1);
  // the run's file went with its making, so the run counts as sent
  await expect(listed).toContainText('sent to the bank');
  await expect(listed).toContainText('3 waiting');
  // made by the officer, by name
  await expect(listed).toContainText('Fay Finance');
  await expect(listed).not.toContainText('staff:');
  await expect(listed).toContainText('£14.20');
  await expectAccessible(fin, 'finance: payment runs list');
  await listed.getByRole('link').click();
  await expect(fin).toHaveURL(runUrl);
  const claims = fin.getByTestId('run-claims');
  for (const ref of [a, b, c]) await expect(claims.getByRole('row', { name: new RegExp(ref) })).toContainText('ANN EXAMPLE');

  const approved = server
    .query<{ approved_pence: number }>('select approved_pence from claims order by approved_pence')
    .map((r) => Number(r.approved_pence));
  expect(approved).toEqual([420, 500, 500]);
  const csv = (await downloaded(fin, 'Download CSV (bank bulk upload)')).trim().split('\r\n');
  expect(csv.slice(1).map((l) => Math.round(Number(l.split(',')[3]) * 100))).toEqual(expect.arrayContaining(approved));
  expect(csv).toHaveLength(4);
  const bacs = (await downloaded(fin, 'Download Bacs Standard 18')).split('\r\n').filter(Boolean);
  expect(bacs.every((r) => r.length === 100)).toBe(true);
  const payments = bacs.filter((r) => r.slice(15, 17) === '99');
  const contra = bacs.filter((r) => r.slice(15, 17) === '17');
  const pence = (r: string) => Number(r.slice(35, 46));
  expect(payments).toHaveLength(3);
  expect(payments.map(pence).sort((x, y) => x - y)).toEqual(approved);
  expect(contra.map(pence)).toEqual([1420]);
  expect(contra[0]?.slice(0, 14)).toBe('08999966374958');
  await expect(fin.getByTestId('run-state')).toHaveText('sent to the bank');

  // the bank paid one and refused the partly approved one
  await fin.getByRole('checkbox', { name: `Select claim ${a}` }).check();
  await fin.getByRole('button', { name: 'Mark paid' }).click();
  await expect(fin.getByRole('status')).toHaveText('1 claim marked paid.');
  await fin.getByRole('checkbox', { name: `Select claim ${c}` }).check();
  await fin.getByRole('button', { name: 'Mark failed' }).click();
  await expect(fin.getByRole('alert')).toContainText('Give the reason the bank gave');
  await fin.getByLabel('Reason the bank gave (for failed payments)').fill('Account closed');
  await fin.getByRole('button', { name: 'Mark failed' }).click();
  await expect(fin.getByRole('status')).toHaveText('1 claim marked failed.');
  await expect(claims.getByRole('row', { name: new RegExp(a) })).toContainText('paid');
  await expect(claims.getByRole('row', { name: new RegExp(c) })).toContainText('failed: Account closed');
  await expect(fin.getByTestId('run-settled')).toHaveCount(0);
  await expect(fin.getByTestId('run-outcomes')).toHaveText('1 paid, 1 refused, 1 waiting');
  await expectAccessible(fin, 'finance: a run with outcomes');

  await claims.getByRole('link', { name: `Open claim ${c}` }).click();
  await expect(fin.getByTestId('claim-status')).toHaveText('partially approved');
  await fin.goBack();
  await fin.getByRole('checkbox', { name: `Select claim ${b}` }).check();
  await fin.getByRole('button', { name: 'Mark paid' }).click();
  await expect(fin.getByTestId('run-settled')).toBeVisible();
  await expect(fin.getByTestId('run-state')).toHaveText('settled');
  await financeNav(fin, 'Claims');
  await expect(rowOf(a)).toContainText('paid');

  // the refused claim says so in the list and on its page, and the next run warns before its file goes to the bank
  await expect(rowOf(c)).toContainText('last payment refused');
  await expect(rowOf(a)).not.toContainText('last payment refused');
  await fin.getByRole('link', { name: `Open claim ${c}` }).click();
  const refused = fin.getByTestId('payment-refused');
  await expect(refused).toContainText(
    /^The bank refused its last payment on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} (GMT|BST) \(Account closed\)/,
  );
  await expect(refused).toContainText('It is approved again');
  await expectAccessible(fin, 'finance: a claim whose last payment the bank refused');
  await financeNav(fin, 'Payment runs');
  await fin.getByRole('button', { name: 'Create payment run' }).click();
  await expect(fin.getByRole('heading', { level: 1, name: /^Run of .* (GMT|BST)$/ })).toBeVisible();
  await expect(fin.getByText(`Check before sending: the bank refused ${c} in an earlier run on`)).toContainText('(Account closed)');
});
