/**
 * An organiser builds from a translator's spreadsheet: copies the demo, imports a 10-question English and
 * Polish XLSForm (easy-read columns, one picture), fixes what Completeness lists through its links, and
 * publishes. A participant answers in Polish easy read on a device; the answers, exported with the wording in Polish,
 * carry the spreadsheet's own labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectAccessible } from '../support/axe';
import { declineClaim, enrolViaUi, questionReady } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, ORGANISER, setupAdmin, signIn } from '../support/staff-ui';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/xlsform/library-bilingual.xlsx');
const PLANS_BUNDLES =
  "select b.id from bundles b join engagement_versions v on v.id = b.engagement_version_id join engagements e on e.id = v.engagement_id where e.slug = 'library-plans-2027'";
let server: RunningServer;
test.afterAll(async () => {
  await server?.stop();
});

/** Opens Completeness, follows the link to the field `id`, and types into it once the link has focused it. */
async function fixFromCompleteness(staff: Page, id: string, value: string) {
  await staff.getByRole('link', { name: 'Completeness', exact: true }).click();
  await staff.locator(`a[href$="#${id}"]`).first().click();
  await expect(staff.locator(`#${id}`)).toBeFocused();
  await staff.locator(`#${id}`).fill(value);
}

/** Answers whatever question is on screen with its first choice (or a few words), then continues. */
async function answerInPolish(device: Page) {
  await questionReady(device);
  const main = device.locator('main');
  if (await main.locator('.priority-list').isVisible()) await main.locator('.priority-list [id$="-plus"]').first().click();
  else if (await main.locator('textarea').isVisible()) await main.locator('textarea').fill('Więcej ławek, proszę');
  else await main.locator('.options input').first().check();
  const title = (await main.locator('h1').first().textContent()) ?? '';
  await device.locator('#main .button.primary').click();
  // the next screen, not this one still on its way out, is the one the next answer goes to
  await expect(main.locator('h1').first()).not.toHaveText(title);
}

test('a translated spreadsheet becomes a published engagement whose Polish answers export in Polish words', async ({ browser }) => {
  test.setTimeout(300_000);
  server = await startServer();
  const staff = await (await browser.newContext()).newPage();
  await setupAdmin(staff, server);
  await addAccount(staff, ORGANISER, ['analyst']);
  await staff.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Staff sign in' })).toBeVisible();
  await signIn(staff, server, ORGANISER);

  // a copy of the demo, so its rate card and settings come along
  await staff.getByRole('link', { name: 'Engagements' }).click();
  await staff.getByRole('link', { name: 'Your library, your say', exact: true }).click();
  await staff.getByRole('link', { name: 'Publish', exact: true }).click();
  await staff.getByLabel('Title of the copy (default language, standard)').fill('Library plans for 2027');
  await staff.getByLabel('Short web address of the copy').fill('library-plans-2027');
  await staff.getByRole('button', { name: 'Make a copy' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Details: Library plans for 2027' })).toBeVisible();

  await staff.getByRole('link', { name: 'Spreadsheet', exact: true }).click();
  await expectAccessible(staff, 'builder spreadsheet');
  await staff.getByLabel('Spreadsheet to import (.xlsx, up to 2 MB)').setInputFiles(FIXTURE);
  await staff.getByRole('button', { name: 'Import and replace the draft' }).click();
  await expect(staff.getByText('Imported 10 questions in 2 languages.')).toBeVisible();
  await expectAccessible(staff, 'builder spreadsheet, imported');

  // the picture is not described (that stops publishing); the last question has no Polish easy read
  await staff.getByRole('link', { name: 'Completeness', exact: true }).click();
  const blockers = staff.locator('.staff-findings li');
  await expect(blockers).toHaveCount(1);
  await expect(blockers).toContainText(/alt text|describ/i);
  await expectAccessible(staff, 'builder completeness, after an import');
  expect(await blockers.getByRole('link').getAttribute('href')).toMatch(/#travel-picture-alt-en-standard$/);
  await fixFromCompleteness(staff, 'travel-picture-alt-en-standard', 'A red bus');
  // each gap's link names its field: the picture's Polish description, the last question's Polish easy read
  await fixFromCompleteness(staff, 'travel-picture-alt-pl-standard', 'Czerwony autobus');
  await fixFromCompleteness(staff, 'else-title-pl-easy', 'Coś jeszcze?');
  const polishAlt = staff.locator('a[href$="#travel-picture-alt-pl-standard"]');
  const polishEasy = staff.locator('a[href$="#else-title-pl-easy"]');
  await staff.getByRole('link', { name: 'Completeness', exact: true }).click();
  await expect(staff.getByText('Nothing stops publishing.')).toBeVisible();
  await expect(polishAlt).toHaveCount(0);
  await expect(polishEasy).toHaveCount(0);

  await staff.getByRole('link', { name: 'Publish', exact: true }).click();
  await staff.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(staff.getByRole('status').first()).toContainText('Version 1 is published');

  // a participant answers in Polish on a device
  const device = await (await browser.newContext()).newPage();
  await enrolViaUi(device, server);
  await device.reload();
  await device.getByRole('button', { name: /Start with a participant.*Library plans for 2027/ }).click();
  await device.getByRole('radio', { name: 'Polski' }).check();
  await device.locator('input[name=format][value=easy]').check();
  await expect(device.getByRole('heading', { level: 1, name: 'Plany biblioteki na 2027' })).toBeVisible();
  await device.locator('#main .button.primary').click();
  await device.getByRole('checkbox').check();
  await device.locator('#main .button.primary').click();
  // easy read: the spreadsheet's easy wording, and the question's picture (beside the words, so decorative)
  await expect(device.getByRole('heading', { level: 1, name: 'Jak tu przyszedłeś?' })).toBeVisible();
  const picture = device.locator('main img.pictogram-large');
  await expect(picture).toHaveAttribute('src', '/pictograms/openmoji/1F68C.svg');
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  for (let i = 0; i < 10; i++) await answerInPolish(device);
  await expect(device.locator('#contact-email')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await expect(device.locator('#monitoring-area')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await declineClaim(device);
  await expect(device.locator('.summary')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await expect(device.locator('.reference')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect.poll(() => server.query(PLANS_BUNDLES).length, { timeout: 30_000 }).toBe(1);

  // the analyst's export, worded in Polish: the spreadsheet's labels come back
  await staff.getByRole('link', { name: 'Insight' }).first().click();
  await staff.getByRole('link', { name: 'Library plans for 2027' }).click();
  await staff.getByRole('link', { name: 'Exports' }).click();
  await staff.getByLabel('Wording of questions and answers').selectOption({ label: 'Polski (pl)' });
  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: /^CSV.*answers/ }).click()]);
  const rows = parse(fs.readFileSync(await download.path(), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    language: 'pl',
    'Jak dotarłeś dziś do biblioteki?': 'Autobusem',
    'Do czego używasz biblioteki?': 'Wypożyczanie książek',
    'Jak często nas odwiedzasz?': 'Co tydzień',
    'Jaką jedną zmianę byś wprowadził?': 'Więcej ławek, proszę',
  });
});
