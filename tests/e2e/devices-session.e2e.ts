/** A facilitator's session on the device: open, hand over in participant mode (left only with the PIN), close with figures. */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { type RunningServer, startServer } from '../support/server-process';
import { enrolDevice, financeNav, financeSignedIn } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

const readStore = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const all = req.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );

test('a session is opened, handed over behind the PIN, closed with attendance and cash in pence, and reported to finance', async ({
  page,
  browser,
}) => {
  await enrolDevice(page, server.url, server.enrolCode ?? '', 'Community centre tablet', '97531');
  const meta = JSON.stringify(await readStore(page, 'meta'));
  expect(meta).not.toContain('97531');
  expect(meta).toMatch(/"iterations":\d{6}/);

  await page.getByRole('link', { name: 'Sessions at a venue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session' })).toBeVisible();
  await expectAccessible(page, 'session, none open');
  await page.getByLabel('Cash float given out').fill('lots');
  await page.getByRole('button', { name: 'Open session' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the venue');
  await expect(page.getByRole('alert')).toContainText('Enter an amount in pounds and pence');
  await expectAccessible(page, 'session, open form with errors');
  await page.getByLabel('Venue').fill('Central Library');
  await page.getByLabel('Area').fill('North');
  await page.getByLabel('Cash float given out').fill('25.50');
  await page.getByRole('button', { name: 'Open session' }).click();
  await expect(page.getByRole('heading', { name: /^Open session: Central Library, \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await expect(page.getByText('Cash float: £25.50')).toBeVisible();
  await expectAccessible(page, 'session, open');

  // participant mode: the facilitator screens are behind the PIN, even after a reload
  await page.getByRole('button', { name: 'Hand over to a participant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();
  await page.goto(`${server.url}/session`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  await expectAccessible(page, 'participant mode gate');
  await page.getByLabel('Facilitator PIN').fill('1111');
  await page.getByRole('button', { name: 'Leave participant mode' }).click();
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right');
  await expectAccessible(page, 'participant mode gate, wrong PIN');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  await page.getByRole('link', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/p\/library-your-say$/);
  await page.goto(`${server.url}/`);
  await page.getByLabel('Facilitator PIN').fill('97531');
  await page.getByRole('button', { name: 'Leave participant mode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outreach device' })).toBeVisible();

  // close with the figures: integer pence
  await page.getByRole('link', { name: 'Sessions at a venue' }).click();
  await page.getByLabel('How many people came').fill('12');
  await page.getByLabel('Cash paid out').fill('10');
  await page.getByLabel('Cash returned').fill('15.5');
  await page.getByLabel('Notes').fill('Busy morning; two people asked for large print.');
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(page.getByText(/^Central Library, \d{4}-\d{2}-\d{2}: 12 came$/)).toBeVisible();
  await expectAccessible(page, 'session, closed');
  const [session] = (await readStore(page, 'sessions')) as Record<string, unknown>[];
  expect(session).toMatchObject({
    venue: 'Central Library',
    area: 'North',
    attendance: 12,
    floatIssued: 2550,
    floatPaidOut: 1000,
    floatReturned: 1550,
  });
  expect(session?.closedAt).toMatch(/Z$/);

  // the closed session goes to the server with the next sync, for finance to check the float
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() =>
      server.query<{ venue: string; attendance: number; float_returned_pence: number }>(
        'select venue, attendance, float_returned_pence from sessions',
      ),
    )
    .toEqual([{ venue: 'Central Library', attendance: 12, float_returned_pence: 1550 }]);
  // the device marks it reported once the server's answer is back, which can follow the commit seen above
  await expect.poll(async () => ((await readStore(page, 'sessions'))[0] as Record<string, unknown>).reportedAt).toMatch(/Z$/);

  // finance finds it in the list of sessions, starts from the facilitator's figures and sees the float
  const admin = await (await browser.newContext()).newPage();
  const finance = await (await browser.newContext()).newPage();
  await financeSignedIn(admin, finance, server);
  await financeNav(finance, 'Cash floats');
  const row = finance.getByTestId('float-sessions').getByRole('row', { name: /Central Library/ });
  await expect(row).toContainText('issued £25.50, paid out £10.00, returned £15.50');
  await expect(row).toContainText('Busy morning');
  await expectAccessible(finance, 'finance: cash floats with reported sessions');
  await row.getByRole('button', { name: /Check float/ }).click();
  await expect(finance.getByLabel('Issued (£)')).toHaveValue('25.50');
  await expect(finance.getByLabel('Returned (£)')).toHaveValue('15.50');
  await expect(finance.getByTestId('float-report')).toBeVisible();
  await expectAccessible(finance, 'finance: a reported session float');
});
