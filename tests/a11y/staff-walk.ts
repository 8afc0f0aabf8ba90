/**
 * Every staff screen in its main states, reached the way staff reach them, at one screen width: the first
 * admin, an account with every other role, an engagement built with a rate card and published, a device
 * enrolled that sends a participant's answers and claim, then insight, devices, erasure and finance.
 * `check` runs axe and, on a narrow screen, checks the page never scrolls sideways (WCAG 1.4.10).
 */
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { addBusFareWithPhoto, facilitatorHome, payByBank } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, enrolDevice, makeEnrolmentCode, setupAdmin, signIn } from '../support/staff-ui';

const STAFF = { name: 'Sam Staff', email: 'sam@example.org', password: 'a passphrase for every role' };
const RECEIPT = path.join(import.meta.dirname, '../fixtures/receipt.jpg');

function checker(page: Page, width: number) {
  return async (state: string) => {
    await expectAccessible(page, `${width} px: ${state}`);
    if (width < 600) {
      const sideways = await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth);
      expect.soft(sideways, `${width} px: "${state}" scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
    }
    // STAFF_SHOTS=1 keeps a picture of every state, to look at
    if (process.env.STAFF_SHOTS)
      await page.screenshot({ path: `test-results/staff-${width}/${state.replace(/\W+/g, '-')}.png`, fullPage: true });
  };
}

const heading = (page: Page, name: string | RegExp) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
async function addQuestion(page: Page, type: string, wording: string) {
  await go(page, 'Questions', /^Questions/);
  await page.getByLabel('Type of the new question').selectOption({ label: type });
  await page.getByRole('button', { name: 'Add question' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Question \\d: ${type.replace(/[/()]/g, '.')}`) })).toBeVisible();
  const group = page.getByRole('group', { name: 'Question wording', exact: true });
  await group.getByLabel('English (en), standard').fill(wording);
  await group.getByLabel('English (en), easy read').fill(wording);
}
const go = async (page: Page, link: string | RegExp, h1: string | RegExp) => {
  await page
    .getByRole('link', { name: link, exact: typeof link === 'string' })
    .first()
    .click();
  await heading(page, h1);
};

/** A participant on an enrolled device answers, claims a bus fare, and the device sends both. */
async function participantClaims(browser: Browser, server: RunningServer, code: string): Promise<string> {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(20_000);
  const device = await ctx.newPage();
  await enrolDevice(device, server.url, code, 'Library tablet');
  await expect(device.getByTestId('offline-bus-routes')).toContainText('Ready offline');
  await device.goto(`${server.url}/p/bus-routes`);
  await device.getByRole('button', { name: 'Start' }).click();
  await device.getByLabel('I understand and I want to take part').check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByLabel('Yes', { exact: true }).check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByRole('textbox').fill('A bus every ten minutes');
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByRole('button', { name: 'No thanks' }).click();
  await device.getByRole('group', { name: 'How old are you?' }).getByLabel('25 to 34').check();
  await device.getByRole('button', { name: 'Continue' }).click();
  await device.getByRole('button', { name: 'Yes, I want to claim' }).click();
  await addBusFareWithPhoto(device, '4.20', RECEIPT);
  await device.getByRole('button', { name: 'Continue' }).click();
  await payByBank(device);
  await device.getByRole('button', { name: 'Send my answers' }).click();
  const reference = (await device.locator('.reference').textContent())?.trim() ?? '';
  await device.getByRole('button', { name: 'Finish' }).click();
  await heading(device, 'Bus routes');
  // the device stays in participant mode for the next person: the facilitator takes it back with the PIN
  await facilitatorHome(device, server);
  await expect(device.getByTestId('queue-waiting')).toHaveText('0', { timeout: 20_000 });
  await ctx.close();
  return reference;
}

async function walkStaffScreens(browser: Browser, server: RunningServer, width: number): Promise<void> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20_000);
  const page = await ctx.newPage();
  const check = checker(page, width);

  await setupAdmin(page, server, check);
  await check('start');
  await addAccount(page, STAFF, ['admin', 'analyst', 'finance']);
  await check('staff accounts');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await heading(page, 'Staff sign in');
  await check('sign in');
  await signIn(page, server, STAFF);

  await go(page, 'Engagements', 'Engagements');
  await check('engagements list');
  await page.getByLabel('Title (English, standard)').fill('Bus routes');
  await page.getByLabel('Short web address').fill('bus-routes');
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await heading(page, 'Details: Bus routes');
  await check('builder details, new engagement');
  // a rate card, so its participants can claim
  await page.getByLabel('This engagement offers expenses').check();
  await check('builder details, expenses offered');
  await go(page, 'Questions', 'Questions: Bus routes');
  await check('builder questions, none yet');
  await addQuestion(page, 'Yes / no / not sure', 'Do you take the bus every week?');
  await check('builder, one question');
  // a pictogram from the OpenMoji set, found by a word; its credits; then taken off again
  await page.getByLabel('Search the pictograms').fill('bus');
  const bus = page.getByRole('list', { name: 'Matching pictures' }).getByRole('button', { name: 'bus', exact: true });
  await expect(bus).toBeVisible();
  await check('builder, pictogram search');
  await bus.click();
  await expect(page.getByRole('button', { name: 'Remove picture' })).toBeVisible();
  await check('builder, pictogram chosen');
  await page.getByRole('link', { name: 'open licence, credited' }).click();
  await heading(page, 'Picture and sound credits');
  await check('pictogram credits');
  await page.goBack();
  await page.getByRole('button', { name: 'Remove picture' }).click();
  await expect(page.getByTestId('autosave')).toHaveText('Saved');
  await addQuestion(page, 'Free text', 'What would make the bus better?');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').first()).toContainText('Draft saved');
  await go(page, 'Questions', 'Questions: Bus routes');
  await check('builder questions');
  await page.getByRole('button', { name: 'Duplicate Do you take the bus every week?' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Question 2: Yes / no / not sure' })).toBeVisible();
  await check('builder, a duplicated question');
  await go(page, 'Questions', 'Questions: Bus routes');
  await page.getByRole('button', { name: 'Remove Do you take the bus every week?' }).nth(1).click();
  await expect(page.locator('.staff-questions li')).toHaveCount(2);
  for (const tab of ['Details', 'Completeness', 'Preview', 'Spreadsheet']) {
    await go(page, tab, `${tab}: Bus routes`);
    await check(`builder ${tab.toLowerCase()}`);
  }
  await page
    .getByLabel('Spreadsheet to import (.xlsx, up to 2 MB)')
    .setInputFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a spreadsheet') });
  await page.getByRole('button', { name: 'Import and replace the draft' }).click();
  await expect(page.getByRole('alert')).toContainText('not an .xlsx spreadsheet');
  await check('builder spreadsheet, a file refused');
  await go(page, 'Publish', 'Publish: Bus routes');
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByRole('alert')).toContainText('needs a privacy notice');
  await check('builder publish, not ready');
  await go(page, 'Details', 'Details: Bus routes');
  const privacy = page.getByRole('group', { name: 'Privacy notice', exact: true });
  // a text the server refuses: the status says it is not saved, and why
  await privacy.getByLabel('English (en), standard').fill('x'.repeat(4001));
  await expect(page.getByTestId('autosave')).toContainText('Not saved: ');
  await check('builder details, not saved');
  await privacy.getByLabel('English (en), standard').fill('Answers are anonymous and kept for two years.');
  await privacy.getByLabel('English (en), easy read').fill('We do not need your name.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').first()).toContainText('Draft saved');
  await go(page, 'Publish', 'Publish: Bus routes');
  await check('builder publish');
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByTestId('version-1')).toBeVisible();
  await check('builder publish, published');
  await page.getByLabel('Copy from').selectOption({ label: 'Version 1 (published)' });
  await page.getByLabel('Short web address of the copy').fill('bus-routes-copy');
  await page.getByRole('button', { name: 'Make a copy' }).click();
  await heading(page, 'Details: Copy of Bus routes');
  await check('builder details, a copy of version 1');

  const code = await makeEnrolmentCode(page);
  await check('devices, with an enrolment code');
  const reference = await participantClaims(browser, server, code);

  await page.reload();
  const row = page.getByRole('row', { name: /Library tablet/ });
  await expect(row).toContainText('Active');
  await check('devices list');
  await row.getByRole('button', { name: /^Choose/ }).click();
  await check('devices, choosing engagements');
  await page.reload();
  await page
    .getByRole('row', { name: /Library tablet/ })
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await check('devices, confirming revoke');
  await page.getByRole('button', { name: /^Yes, revoke/ }).click();
  await expect(page.getByRole('row', { name: /Library tablet/ })).toContainText('Revoked');
  await check('devices list, revoked');

  await go(page, 'Engagements', 'Engagements');
  await go(page, /Enter a paper form.*Bus routes/, /Enter a paper form/);
  await check('paper entry');

  await go(page, 'Insight', 'Insight');
  await check('insight list');
  await go(page, 'Bus routes', /^Results/);
  await expect(page.getByTestId('total')).toHaveText('1');
  await check('insight results');
  await page.getByLabel('From (first day)').fill('2030-01-02');
  await page.getByLabel('To (last day)').fill('2030-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('alert')).toContainText('The first date comes before the last');
  await check('insight results, filter refused');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('filter-summary')).toHaveText('Filtered: English.');
  await check('insight results, filtered');
  await page.getByLabel('Group by').selectOption({ label: 'Age' });
  await page.getByRole('button', { name: 'Show cross-tab' }).click();
  await expect(page.locator('table[data-table="crosstab"]')).toContainText('hidden');
  await check('insight results, cross-tab');
  await go(page, 'Answers and themes', /^Answers and themes/);
  await page.getByLabel('New theme').fill('Opening hours');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.locator('table[data-table="themes"]')).toContainText('Opening hours');
  await check('insight answers and themes');
  for (const [tab, h1] of [
    ['Who took part', /^Who took part/],
    ['You said, we did', /^You said, we did/],
    ['Exports', /^Exports/],
  ] as const) {
    await go(page, tab, h1);
    await check(`insight ${tab}`);
  }
  await page.getByLabel('Wording of questions and answers').selectOption({ label: 'Polski (pl)' });
  await expect(page.getByRole('link', { name: /^CSV.*answers/ })).toHaveAttribute('href', /wording=pl/);
  await check('insight exports, worded in Polish');
  // each export's long description wraps, so its download links stay in view at any width
  for (const link of await page.getByRole('link', { name: /^(CSV|JSON)/ }).all()) {
    const box = await link.boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  }

  await go(page, 'Staff accounts', 'Staff accounts');
  await check('staff accounts, two people');
  await go(page, 'Erase personal data', 'Erase personal data');
  await check('erasure');
  await page.getByLabel('Reference code').fill(reference);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What will be erased' })).toBeVisible();
  await check('erasure, what will be erased');

  // the finance screens, from the staff navigation; an old /finance bookmark lands on the claims
  await page.goto(`${server.url}/finance`);
  await expect(page).toHaveURL(/\/staff\/finance\/claims$/);
  await heading(page, 'Claims');
  await check('finance claims');
  await page.getByLabel('Engagement', { exact: true }).selectOption({ label: 'Bus routes' });
  await page.getByLabel('Status').selectOption({ label: 'submitted' });
  await page.getByRole('button', { name: 'Show claims' }).click();
  await expect(page).toHaveURL(/status=submitted/);
  await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('Bus routes');
  await page.getByRole('checkbox', { name: `Select claim ${reference} for approval` }).check();
  await check('finance claims, filtered, one ticked');
  await page.getByRole('link', { name: `Open claim ${reference}` }).click();
  await heading(page, `Claim ${reference}`);
  await check('claim review');
  await page.getByLabel('Decision for line 1').selectOption('reduce');
  await check('claim review, reducing a line');
  await page.getByLabel('Decision for line 1').selectOption('approve');
  await page.getByRole('button', { name: 'Save decisions' }).click();
  await expect(page.getByText('Decisions saved.')).toBeVisible();
  await check('claim review, approved');
  await go(page, 'Payment runs', 'Payment runs');
  await check('payment runs, none yet');
  await page.getByRole('button', { name: 'Create payment run' }).click();
  await heading(page, /^Run of /);
  await check('a payment run, just made');
  // this server has no BACS_* settings: the Standard 18 file is refused, and the page says why
  await page.getByRole('button', { name: 'Download Bacs Standard 18' }).click();
  await expect(page.getByRole('alert')).toContainText('BACS_SORT_CODE');
  await check('a payment run, Bacs settings missing');
  await page.getByRole('checkbox', { name: `Select claim ${reference}` }).check();
  await page.getByRole('button', { name: 'Mark failed' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the reason the bank gave');
  await check('a payment run, failed without a reason');
  await page.getByLabel('Reason the bank gave (for failed payments)').fill('Account closed');
  await page.getByRole('button', { name: 'Mark failed' }).click();
  await expect(page.getByTestId('run-settled')).toBeVisible();
  await check('a payment run, settled');
  await go(page, 'Payment runs', 'Payment runs');
  await expect(page.getByTestId('runs').getByRole('row', { name: /Run of/ })).toContainText('settled');
  await check('payment runs list');
  await go(page, 'Cash floats', 'Cash floats');
  await check('cash floats');
  await go(page, 'Totals', 'Totals');
  await page.getByLabel('Engagement', { exact: true }).selectOption({ label: 'Bus routes' });
  await page.getByRole('button', { name: 'Show totals' }).click();
  await expect(page.getByRole('link', { name: /Download the totals for Bus routes/ })).toBeVisible();
  await check('totals');

  // the audit log (admin), filtered to the payment run's events
  await go(page, 'Audit log', 'Audit log');
  await expect(page.getByTestId('audit-events')).toContainText('payment_run.created');
  await check('audit log');
  await page.getByLabel('What').fill('payment_run.');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/action=payment_run\./);
  await expect(page.getByTestId('audit-events')).toContainText('payment_run.created');
  await expect(page.getByTestId('audit-events')).not.toContainText('line.approve');
  await expect(page.getByRole('link', { name: 'Download these events as CSV' })).toHaveAttribute(
    'href',
    /audit\.csv\?action=payment_run\./,
  );
  await check('audit log, filtered');

  // after erasure a claim keeps an accessible name, with no reference to show
  await go(page, 'Erase personal data', 'Erase personal data');
  await page.getByLabel('Reference code').fill(reference);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What will be erased' })).toBeVisible();
  await page.getByLabel('How did they ask?').fill('By phone to the helpline');
  await page.getByRole('button', { name: 'Erase now' }).click();
  await expect(page.getByRole('status').first()).toContainText('Erased');
  await go(page, 'Claims', 'Claims');
  await expect(page.getByRole('link', { name: 'Open claim erased' })).toBeVisible();
  await check('finance claims, after erasure');
  await page.getByRole('link', { name: 'Open claim erased' }).click();
  await heading(page, 'Claim erased');
  await check('claim review, erased');
  await ctx.close();
}

/** The walk as a spec file's one test, with its own server. */
export function staffWalkTest(width: number, title: string): void {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => {
    await server.stop();
  });
  test(title, async ({ browser }) => {
    // long on a shared 2-core machine; about 2 minutes on a quiet one
    test.setTimeout(600_000);
    await walkStaffScreens(browser, server, width);
  });
}
