/**
 * "You said, we did" and the reference lookup in the browser: written and published in the staff web,
 * read on the public page in English and Urdu (right to left), standard and easy read, with axe over
 * every state; the page loads offline after one visit; the lookup shows no personal data.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { sealedItem } from '../support/bundles';
import { ANALYST, deviceFor, staffFor } from '../support/insight-e2e';
import { waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { enrolDevice } from '../support/staff-ui';

test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let slug: string;
let engagementId: string;
const REFERENCE = '7KQ2-M9XD';
const SECRETS = ['Zainab Private', 'zainab@example.org', '07700 900123', 'non_binary', 'Leith Library', 'EH6', 'my private answer'];

test.beforeAll(async ({ playwright }) => {
  server = await startServer();
  const request = await playwright.request.newContext();
  const device = await deviceFor(server, request);
  slug = device.engagement.slug;
  engagementId = device.engagement.engagementId;
  await device.sync([
    await sealedItem(device.engagement, {
      referenceCode: REFERENCE,
      answers: { else: { text: 'my private answer' } },
      contact: { name: 'Zainab Private', email: 'zainab@example.org', phone: '07700 900123' },
      monitoring: { gender: 'non_binary' },
      place: { venue: 'Leith Library', area: 'EH6' },
    } as object),
  ]);
  await request.dispose();
});
test.afterAll(async () => {
  await server.stop();
});

async function publishInStaffWeb(page: Page) {
  await staffFor(server, page.request);
  await page.goto(`${server.url}/staff/insight/${engagementId}/feedback`);
  await expect(page.getByText('Not published yet.')).toBeVisible();
  const intro = page.getByRole('group', { name: 'Introduction', exact: true });
  await intro.getByLabel('English (en), standard').fill('Thank you to everyone who took part in the spring.');
  await intro.getByLabel('English (en), easy read').fill('Thank you for taking part.');
  await page.getByRole('button', { name: 'Add an item' }).click();
  const said = page.getByRole('group', { name: 'You said', exact: true });
  await said.getByLabel('English (en), standard').fill('You said the library should stay open later.');
  await said.getByLabel('English (en), easy read').fill('You said: open later.');
  const did = page.getByRole('group', { name: 'We did', exact: true });
  await did.getByLabel('English (en), standard').fill('We now open until 8pm on Thursdays.');
  await did.getByLabel('English (en), easy read').fill('We open late on Thursday.');
  await expectAccessible(page, 'staff feedback editor');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').first()).toContainText('Published.');
}

test('feedback is published, read in English and Urdu, standard and easy read, offline after one visit', async ({ page, context }) => {
  await publishInStaffWeb(page);
  for (const [lang, format, said] of [
    ['en', 'standard', 'You said the library should stay open later.'],
    ['en', 'easy', 'You said: open later.'],
    ['ur', 'standard', 'You said the library should stay open later.'],
    ['ur', 'easy', 'You said: open later.'],
  ] as const) {
    await page.goto(`${server.url}/feedback/${slug}?lang=${lang}&format=${format}`);
    const heading = lang === 'ur' ? 'آپ نے کہا، ہم نے کیا' : 'You said, we did';
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await expect(page.getByText(said)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ur' ? 'rtl' : 'ltr');
    await expectAccessible(page, `feedback page ${lang} ${format}`);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'یہ صفحہ پرنٹ کریں' })).toBeHidden();
  await expect(page.getByText('You said: open later.')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // offline after one visit
  await page.goto(`${server.url}/feedback/${slug}?lang=en&format=standard`);
  await waitForServiceWorker(page);
  await expect(page.getByText('We now open until 8pm on Thursdays.')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('We now open until 8pm on Thursdays.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('You said, we did');
  await context.setOffline(false);
});

test('the reference lookup shows the feedback and reveals no personal data', async ({ page }) => {
  for (const [lang, format] of [
    ['en', 'standard'],
    ['en', 'easy'],
    ['ur', 'standard'],
    ['ur', 'easy'],
  ] as const) {
    await page.goto(`${server.url}/lookup?lang=${lang}&format=${format}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, `lookup ${lang} ${format}, empty`);
    await page.getByRole('textbox').fill('hello');
    await page.getByRole('button', { name: lang === 'ur' ? 'دیکھیں' : 'Look up' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, `lookup ${lang} ${format}, error`);
    await page.getByRole('textbox').fill(REFERENCE.toLowerCase());
    await page.getByRole('button', { name: lang === 'ur' ? 'دیکھیں' : 'Look up' }).click();
    await expect(page.getByText(format === 'easy' ? 'We open late on Thursday.' : 'We now open until 8pm on Thursdays.')).toBeVisible();
    await expect(
      page
        .getByText('There is no expense claim with this reference.')
        .or(page.getByText('اس حوالہ نمبر کے ساتھ کوئی اخراجات کا دعویٰ نہیں ہے۔')),
    ).toBeVisible();
    await expectAccessible(page, `lookup ${lang} ${format}, found`);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }
});

test('an enrolled device keeps published feedback, so a facilitator can show it offline at a venue', async ({ page, context }) => {
  const headers = { origin: server.url };
  await page.request.post(`${server.url}/api/staff/login`, { headers, data: { email: ANALYST.email, password: ANALYST.password } });
  const { code } = (await (await page.request.post(`${server.url}/api/staff/devices/codes`, { headers, data: {} })).json()) as {
    code: string;
  };
  await enrolDevice(page, server.url, code, 'Venue tablet');
  await waitForServiceWorker(page);
  const url = `/api/feedback/${slug}`;
  await expect.poll(() => page.evaluate(async (u) => !!(await caches.match(u)), url), { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  await page
    .getByRole('link', { name: /You said, we did/ })
    .first()
    .click();
  await expect(page.getByText('We now open until 8pm on Thursdays.')).toBeVisible();
  await context.setOffline(false);
});

const both = (en: string, pl: string) => ({ en: { standard: en }, pl: { standard: pl } });

/** An organiser's English and Polish engagement with its feedback, through the staff API. */
async function bilingualFeedback(page: Page): Promise<string> {
  const headers = { origin: server.url };
  const call = async (method: 'post' | 'put', path: string, data: unknown) => {
    const res = await page.request[method](`${server.url}${path}`, { headers, data });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  await call('post', '/api/staff/login', { email: ANALYST.email, password: ANALYST.password });
  const { id } = (await call('post', '/api/staff/engagements', { slug: 'buses-pl', title: 'Buses' })) as { id: string };
  const content = {
    defaultLocale: 'en',
    locales: ['en', 'pl'],
    title: both('Buses', 'Autobusy'),
    purpose: {},
    privacy: both('We keep your answers safe.', 'Chronimy twoje odpowiedzi.'),
    questions: [{ id: 'q1', type: 'text', title: both('What should change?', 'Co powinno się zmienić?') }],
  };
  await call('put', `/api/staff/engagements/${id}/draft`, { content });
  await call('post', `/api/staff/engagements/${id}/publish`, {});
  const item = {
    said: both('You said buses are late.', 'Mówiliście, że autobusy się spóźniają.'),
    did: both('We added a bus.', 'Dodaliśmy autobus.'),
  };
  await call('put', `/api/staff/feedback/${id}`, { content: { intro: both('Thank you.', 'Dziękujemy.'), items: [item] } });
  await call('post', `/api/staff/feedback/${id}/publish`, {});
  return 'buses-pl';
}

test("in Polish the page's own words are Polish, and only the feedback's languages are offered", async ({ page }) => {
  const bus = await bilingualFeedback(page);
  await page.goto(`${server.url}/feedback/${bus}?lang=en`);
  await expect(page.getByText('We added a bus.')).toBeVisible();
  const language = page.getByLabel('Language');
  await expect(language.locator('option')).toHaveText(['English', 'Polski']);
  // chosen on the page, as a reader does
  await language.selectOption('pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Powiedzieliście, zrobiliśmy: Autobusy');
  await expect(page.getByRole('heading', { level: 2, name: 'Powiedzieliście', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Zrobiliśmy', exact: true })).toBeVisible();
  await expect(page.getByLabel('Język')).toHaveValue('pl');
  await expect(page.getByText('Dodaliśmy autobus.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('You said');
  await expectAccessible(page, 'feedback page in Polish');
  // and from a link
  await page.goto(`${server.url}/feedback/${bus}?lang=pl`);
  await expect(page.getByRole('heading', { level: 2, name: 'Powiedzieliście', exact: true })).toBeVisible();
  await expect(page.getByLabel('Język').locator('option')).toHaveCount(2);
});
