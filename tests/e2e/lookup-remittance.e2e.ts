/**
 * Remittance: a claim made on its own on a device ends on a Done screen with the reference code, its QR code
 * and where to look it up; it syncs; finance approves and pays it through the API; the lookup page then tells
 * the outcome in the participant's language ("Wypłacono 4,20 £ przelewem bankowym …" in Polish; Arabic at
 * 320 px), with axe over it.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { expectAccessible } from '../support/axe';
import { addBusFareWithPhoto, enrolViaUi } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { FINANCE_OFFICER, financeSignedIn, organiserPublishesRateCard } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const FIXTURE = path.join(import.meta.dirname, '../fixtures/receipt.jpg');

test('a claim paid by finance shows as paid, with the amount, method and day, on the lookup page in Polish and Arabic', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await organiserPublishesRateCard(admin, await (await browser.newContext()).newPage(), server, DEFAULT_RATE_CARD);
  const fin = await (await browser.newContext()).newPage();
  await financeSignedIn(admin, fin, server, FINANCE_OFFICER, true);

  await enrolViaUi(page, server);
  await page.goto(`${server.url}/claim/library-your-say`);
  await page.getByLabel('I agree that the details of my claim are used to pay me').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await addBusFareWithPhoto(page, '4.20', FIXTURE);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Into my bank account').check();
  await page.getByLabel('Name on the account').fill('Ann Example');
  // a sort code and account from Vocalink's published test cases, so the payment run's modulus check passes
  await page.getByLabel('Sort code').fill('10-79-99');
  await page.getByLabel('Account number').fill('88837491');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Send my claim' }).click();

  // the same Done as the journey's: the code, its QR code, and where to look it up later
  await expect(page.getByRole('heading', { level: 1, name: 'Your claim is saved' })).toBeVisible();
  const reference = ((await page.locator('.reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('img', { name: `QR code of your reference code ${reference}` })).toBeVisible();
  await expect(page.getByTestId('lookup-link')).toHaveAttribute('href', `/lookup?lang=en&format=standard#code=${reference}`);
  await expectAccessible(page, 'claim done with reference and QR code');
  await expect.poll(() => server.query('select id from claims').length, { timeout: 20_000 }).toBe(1);

  // finance approves and pays it, through the API as a signed-in finance officer
  const headers = { origin: server.url };
  const post = async (url: string, data: unknown) => {
    const res = await fin.request.post(`${server.url}${url}`, { headers, data });
    expect(res.ok(), await res.text()).toBe(true);
    return res.json();
  };
  const { claims } = await (await fin.request.get(`${server.url}/api/finance/claims`)).json();
  const claimId = (claims as { id: string }[])[0]?.id;
  await post(`/api/finance/claims/${claimId}/decisions`, { decisions: [{ idx: 0, decision: 'approve' }] });
  const run = await post('/api/finance/payment-runs', { format: 'csv' });
  await post(`/api/finance/payment-runs/${run.id}/result`, { failed: [] });

  const today = (lng: string) =>
    new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'long', timeZone: 'Europe/London' }).format(new Date());
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${server.url}/lookup?lang=pl#code=${reference}`);
  await reader.locator('form button[type=submit]').click();
  await expect(reader.getByTestId('claim-outcome')).toHaveText(`Wypłacono 4,20\u00a0£ przelewem bankowym ${today('pl')}.`);
  for (const secret of ['Ann Example', '88837491', '107999']) await expect(reader.locator('body')).not.toContainText(secret);
  await expectAccessible(reader, 'lookup, paid claim, Polish');

  await reader.setViewportSize({ width: 320, height: 800 });
  await reader.goto(`${server.url}/lookup?lang=ar#code=${reference}`);
  await reader.locator('form button[type=submit]').click();
  await expect(reader.getByTestId('claim-outcome')).toContainText(today('ar'));
  await expect(reader.getByTestId('claim-outcome')).toContainText('\u2068');
  await expectAccessible(reader, 'lookup, paid claim, Arabic at 320 px');
  await reader.screenshot({ path: test.info().outputPath('lookup-paid-ar-320.png'), fullPage: true });
});
