/**
 * An analyst writing a report: signs in, opens the results, filters to the answers given in Polish,
 * crosses a choice question by gender (small groups hidden), and downloads the answers with the wording
 * in Polish; the downloaded CSV parses back to the engagement's Polish labels. The answers arrive as a
 * device sends them: sealed bundles through the real sync endpoint.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { pickText } from '../../src/shared/engagement';
import { expectAccessible } from '../support/axe';
import { ANALYST, deviceFor, staffFor } from '../support/insight-e2e';
import { seededItems, type seededPayload } from '../support/insight-seed';
import { type RunningServer, startServer } from '../support/server-process';
import { signIn } from '../support/staff-ui';

type Payload = ReturnType<typeof seededPayload>;
let server: RunningServer;
let payloads: Payload[];
let device: Awaited<ReturnType<typeof deviceFor>>;
const N = 150;

test.beforeAll(async ({ playwright }) => {
  server = await startServer();
  const request = await playwright.request.newContext();
  device = await deviceFor(server, request);
  const seeded = await seededItems(device.engagement, N);
  payloads = seeded.payloads;
  await device.sync(seeded.items);
  await staffFor(server, request);
  await request.dispose();
});
test.afterAll(async () => {
  await server.stop();
});

const choice = (p: Payload) => (p.answers?.most as { choice: string } | undefined)?.choice ?? '';
const gender = (p: Payload) => {
  const g = (p.monitoring as { gender?: string } | undefined)?.gender;
  return !g || g === 'prefer_not' ? 'not_stated' : g;
};

test('an analyst filters, crosses a question by gender and exports the answers in Polish', async ({ page }) => {
  const content = device.engagement.content;
  const text = (t: Parameters<typeof pickText>[0], l: string) => pickText(t, l, 'standard', content.defaultLocale).text;
  const most = content.questions.find((q) => q.id === 'most');
  const polish = payloads.filter((p) => p.locale === 'pl');

  await signIn(page, server, ANALYST);
  await page.getByRole('link', { name: 'Insight' }).first().click();
  await page.getByRole('link', { name: text(content.title, 'en') }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  await expect(page.getByTestId('total')).toHaveText(String(N));
  // sessions by name, faces by name, percentages beside counts
  await expect(page.getByRole('table', { name: 'Responses by session and venue: figures' })).toContainText('Govanhill Library');
  await expect(page.getByRole('table', { name: 'Responses by session and venue: figures' })).not.toContainText('s-1');
  await expect(page.locator('table[data-table="q-feel"] tbody th').first()).toHaveText('Very unhappy (1)');
  await expect(page.locator('table[data-table="by-locale"] tr[data-key="pl"] td')).toHaveText(
    `${polish.length} (${Math.round((polish.length / N) * 1000) / 10}%)`,
  );

  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Polish' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('total')).toHaveText(String(polish.length));
  await expect(page.getByTestId('filter-summary')).toHaveText('Filtered: Polish.');
  await expectAccessible(page, 'insight results, filtered');

  await page.getByLabel('Question', { exact: true }).selectOption({ label: text(most?.title, 'en') });
  await page.getByLabel('Group by').selectOption({ label: 'Gender' });
  await page.getByRole('button', { name: 'Show cross-tab' }).click();
  const table = page.locator('table[data-table="crosstab"]');
  await expect(table).toBeVisible();
  for (const o of most?.options ?? [])
    for (const g of ['woman', 'man', 'non_binary', 'not_stated']) {
      const n = polish.filter((p) => choice(p) === o.id && gender(p) === g).length;
      const cell = table.locator(`tr[data-key="${o.id}"] td[data-col="${g}"]`);
      const shown = await cell.getAttribute('data-count');
      if (n < 10) expect(shown, `${o.id} × ${g}`).toBe('');
      if (shown !== '') expect(Number(shown)).toBe(n);
    }
  await expect(table.locator('tr[data-key="hours"] td[data-col="non_binary"]')).toHaveText('hidden');
  await expectAccessible(page, 'insight results, cross-tab');

  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByTestId('filter-summary')).toHaveText('Filtered: Polish.');
  await page.getByLabel('Wording of questions and answers').selectOption({ label: 'Polski (pl)' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^CSV.*answers/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-answers-pl\.csv$/);
  const rows = parse(fs.readFileSync(await download.path(), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(polish.length);
  const column = text(most?.title, 'pl');
  const labels = new Set((most?.options ?? []).map((o) => text(o.label, 'pl')));
  expect(rows.every((r) => labels.has(r[column] as string))).toBe(true);
  expect(rows.every((r) => r.language === 'pl')).toBe(true);
});
