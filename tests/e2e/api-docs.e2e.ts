/**
 * The API description's page in Chromium, against the real server and the CSP it sends: Swagger UI renders
 * every operation with nothing refused by the policy and no script error.
 */
import { expect, test } from '@playwright/test';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('/api/docs renders the whole API under the CSP, with nothing refused', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.violatedDirective}: ${e.blockedURI}`));
  });
  const res = await page.goto(`${server.url}/api/docs`);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: /Blether API/ })).toBeVisible();
  await expect(page.locator('.opblock-summary-path', { hasText: '/api/sync/batches' })).toBeVisible();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(60);
  // open one operation: its body schema and replies render too
  await page.locator('.opblock-summary', { hasText: '/api/sync/batches' }).click();
  await expect(page.locator('.opblock.is-open .responses-table')).toContainText('401');
  expect(problems).toEqual([]);
});
