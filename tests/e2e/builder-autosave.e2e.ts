/**
 * The builder keeps what an organiser types: it saves the draft by itself, a reload keeps the edits, and
 * leaving with edits the server refused asks first. Completeness lists what stops publishing, each a link
 * to its field.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_CONTENT } from '../../src/server/demo';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, enrolDevice, ORGANISER, setupAdmin, signIn } from '../support/staff-ui';

test.describe.configure({ mode: 'serial' });
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function organiser(page: Page) {
  await setupAdmin(page, server);
  await addAccount(page, ORGANISER);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, server, ORGANISER);
  await page.getByRole('link', { name: 'Engagements' }).click();
}

const status = (page: Page) => page.getByTestId('autosave');

test('edits save themselves, survive a reload, and leaving with refused edits asks first', async ({ page }) => {
  test.setTimeout(120_000);
  await organiser(page);
  await page.getByRole('link', { name: 'Your library, your say', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Details: Your library, your say' })).toBeVisible();
  const privacy = page.getByRole('group', { name: 'Privacy notice', exact: true }).getByLabel('English (en), easy read');
  await privacy.fill('We keep your answers for two years. We do not ask your name.');
  await expect(status(page)).toHaveText('Saved');
  await page.reload();
  await expect(privacy).toHaveValue('We keep your answers for two years. We do not ask your name.');

  // reloading straight after typing, before the save, asks first
  await privacy.fill('Changed again');
  const asked = page.waitForEvent('dialog');
  const reloading = page.reload();
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
  await reloading;
  await expect(status(page)).toHaveText('Saved');

  // the server refuses a text that is too long: the status says why, and leaving for another page asks
  await privacy.fill('x'.repeat(4001));
  await expect(status(page)).toContainText('Not saved: ');
  const asks: string[] = [];
  page.once('dialog', (d) => {
    asks.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Engagements', exact: true }).click();
  await expect.poll(() => asks).toEqual([expect.stringMatching(/^confirm: Your changes are not saved .*4000 characters/)]);
  await expect(page).toHaveURL(/\/details$/);
  await privacy.fill('Kept for two years.');
  await expect(status(page)).toHaveText('Saved');
  await page.getByRole('link', { name: 'Engagements', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
  await page.getByRole('link', { name: 'Your library, your say', exact: true }).click();
  await expect(privacy).toHaveValue('Kept for two years.');
});

test('completeness of a new engagement lists what stops publishing, and its links focus the field', async ({ page }) => {
  await signIn(page, server, ORGANISER);
  await page.getByRole('link', { name: 'Engagements' }).click();
  await page.getByLabel('Title (English, standard)').fill('Bus routes');
  await page.getByLabel('Short web address').fill('bus-routes');
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('link', { name: 'Completeness', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Completeness: Bus routes' })).toBeVisible();
  await expect(page.getByText('Every text has wording')).toHaveCount(0);
  await page.getByRole('link', { name: 'The engagement needs a privacy notice in the default language (en).' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Details: Bus routes' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Privacy notice', exact: true }).getByLabel('English (en), standard')).toBeFocused();
  await page.getByRole('link', { name: 'Completeness', exact: true }).click();
  await page.getByRole('link', { name: 'Add at least one question.' }).click();
  await expect(page.getByLabel('Type of the new question')).toBeFocused();
});

test('a device keeps only the pictograms its engagements use, none precached with the app', async ({ browser }) => {
  const ctx = await browser.newContext();
  const tablet = await ctx.newPage();
  await enrolDevice(tablet, server.url, server.enrolCode ?? '', 'Library tablet');
  // every picture and clip downloaded (the size shows once they are)
  await expect(tablet.getByTestId('offline-library-your-say')).toHaveText(/^Ready offline: version 1, \d/);
  const cached = await tablet.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) out.push(`${name} ${new URL(r.url).pathname}`);
    return out.filter((x) => x.includes(' /pictograms/'));
  });
  const used = new Set(
    DEMO_CONTENT.questions.flatMap((q) => [q.picture?.src, ...(q.options ?? []).map((o) => o.picture?.src)]).filter((x) => x !== undefined),
  );
  expect(used.size).toBeGreaterThan(5);
  expect(cached.sort()).toEqual([...used].map((src) => `blether-assets-v1 ${src}`).sort());
  await ctx.close();
});
