/**
 * Insight end to end: 500 sealed bundles (5 sessions, 3 languages, both formats) sent through the real
 * sync endpoint; every figure on the results page equals the seeded truth; tagging and theme counts; the
 * CSV parses back to the same figures; who took part shows small groups only as "fewer than 10".
 */
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectAccessible } from '../support/axe';
import { deviceFor, staffFor } from '../support/insight-e2e';
import { seededItems, truth } from '../support/insight-seed';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
let T: ReturnType<typeof truth>;
let engagementId: string;

test.beforeAll(async ({ playwright }) => {
  server = await startServer();
  const request = await playwright.request.newContext();
  const device = await deviceFor(server, request);
  engagementId = device.engagement.engagementId;
  const { items, payloads } = await seededItems(device.engagement, 500);
  T = truth(payloads);
  await device.sync(items);
  await request.dispose();
});
test.afterAll(async () => {
  await server.stop();
});

async function tableCounts(page: Page, id: string): Promise<Record<string, number>> {
  const rows = page.locator(`table[data-table="${id}"] tbody tr`);
  await expect(rows.first()).toBeVisible();
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    const key = (await row.getAttribute('data-key')) as string;
    out[key] = Number(await row.locator('td').getAttribute('data-count'));
  }
  return out;
}

test('results, themes, exports and who took part equal the seeded truth', async ({ page }) => {
  await staffFor(server, page.request);
  await page.goto(`${server.url}/staff/insight`);
  await page.getByRole('link', { name: 'Insight' }).first().click();
  await page.goto(`${server.url}/staff/insight/${engagementId}/results`);
  // bundles the opener has not reached yet are counted apart, and the figures load again until all are in
  await expect(page.getByTestId('total')).toHaveText(String(T.total));
  await expect(page.getByRole('status').filter({ hasText: 'being opened' })).toHaveCount(0);
  await expect(page.locator('.insight-total')).toContainText(`${T.total} responses. Dates are in the organisation's time zone`);
  expect(await tableCounts(page, 'by-session')).toEqual(T.bySession);
  expect(await tableCounts(page, 'by-locale')).toEqual(T.byLocale);
  expect(await tableCounts(page, 'by-format')).toEqual(T.byFormat);
  expect(await tableCounts(page, 'by-input')).toEqual(T.byInputMethod);
  expect(await tableCounts(page, 'over-time')).toEqual(T.overTime);
  expect(await tableCounts(page, 'q-visit')).toEqual({ yes: 0, no: 0, not_sure: 0, ...T.visit });
  expect(await tableCounts(page, 'q-feel')).toEqual(T.feel);
  expect(await tableCounts(page, 'q-most')).toEqual(T.most);
  expect(await tableCounts(page, 'q-services')).toEqual(T.services);
  // each chart is an image named by its title and described by its figures
  const chart = page.getByRole('img', { name: /Responses by language.*Highest/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('table', { name: 'Responses by session and venue: figures' })).toContainText('Govanhill Library');
  await expectAccessible(page, 'insight results');

  // themes: make one, tag the answers about seats, the counts follow
  await page.getByRole('link', { name: 'Answers and themes' }).click();
  await expect(page.getByTestId('answer-count')).toHaveText(`${T.freeText} matching answers`);
  await page.getByLabel('New theme').fill('Seating');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Theme "Seating" added.' })).toBeVisible();
  await page.getByLabel('Search the answers').fill('please, number 1');
  const expected = Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 4 === 0 && String(i).startsWith('1')).length;
  await expect(page.getByTestId('answer-count')).toHaveText(`${expected} matching answers`);
  const matching = page.locator('[data-answer]');
  for (let i = 0; i < 3; i++) {
    // the box shows the saved tag, so it turns checked once the server has it: click, then wait for that
    await matching.nth(i).getByRole('checkbox', { name: 'Seating' }).click();
    await expect(matching.nth(i).getByRole('checkbox', { name: 'Seating' })).toBeChecked();
  }
  await expect(page.locator('table[data-table="themes"] tbody tr td')).toHaveText('3');
  await page.getByLabel('Search the answers').fill('');
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Seating' });
  await expect(page.getByTestId('answer-count')).toHaveText('3 matching answers');
  await expectAccessible(page, 'insight answers, tagged and filtered');

  // the CSV parses back to the same figures
  const csv = await (await page.request.get(`${server.url}/api/staff/insight/${engagementId}/export?kind=aggregates&format=csv`)).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  const section = (name: string, question = '') =>
    Object.fromEntries(rows.filter((r) => r.section === name && r.question === question).map((r) => [r.key, Number(r.count)]));
  expect(section('total').all).toBe(T.total);
  expect(section('session')).toEqual(T.bySession);
  expect(section('language')).toEqual(T.byLocale);
  expect(section('format')).toEqual(T.byFormat);
  expect(section('input_method')).toEqual(T.byInputMethod);
  expect(section('over_time')).toEqual(T.overTime);
  expect(section('question', 'feel')).toEqual(T.feel);
  expect(section('venue')).toEqual(T.byVenue);
  expect(rows.find((r) => r.section === 'theme')).toMatchObject({ label: 'Seating', count: '3' });
  const answers = parse(
    await (await page.request.get(`${server.url}/api/staff/insight/${engagementId}/export?kind=answers&format=csv`)).text(),
    { bom: true, columns: true },
  ) as Record<string, string>[];
  expect(answers).toHaveLength(T.total);
  expect(answers.filter((a) => a.themes === 'Seating')).toHaveLength(3);
  expect(server.query<{ n: number }>("select count(*) as n from audit_events where action like 'export.%'")[0]?.n).toBe(2);

  // who took part: small groups never shown
  await page.getByRole('link', { name: 'Who took part' }).click();
  const gender = page.locator('table[data-table="m-gender"]');
  await expect(gender.locator('tr[data-key="non_binary"] td')).toHaveText('fewer than 10');
  await expect(gender.locator('tr[data-key="woman"] td')).toHaveText(String(T.gender.woman));
  expect(await tableCounts(page, 'venues')).toEqual(T.byVenue);
  await expect(page.locator('table[data-table="fatigue"]')).toContainText('G42');
  await expectAccessible(page, 'insight who took part');
  await page.getByText('Enter reference population shares for Gender').click();
  await page.getByLabel('woman: share in %', { exact: true }).fill('20');
  await page.getByLabel('man: share in %', { exact: true }).fill('48');
  await page.getByRole('button', { name: 'Save shares' }).first().click();
  await expect(page.locator('section[data-dimension="gender"] tr[data-key="woman"] td[data-indicator]')).toHaveText('Over-represented ▲');
  await expectAccessible(page, 'insight who took part, with reference shares');

  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('link', { name: /CSV.*contact list/ })).toBeVisible();
  await expectAccessible(page, 'insight exports');
});
