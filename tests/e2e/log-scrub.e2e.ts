import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { completeDemoJourney, enrolViaUi, facilitatorHome } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { setupAdmin } from '../support/staff-ui';

/** An admin erases a participant's personal data by their reference code, on the staff web (issue 8). */
async function eraseAsAdmin(admin: Page, server: RunningServer, reference: string) {
  await setupAdmin(admin, server);
  await admin.getByRole('link', { name: 'Erase personal data' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Erase personal data' })).toBeVisible();
  await expectAccessible(admin, 'erasure: start');
  await admin.getByLabel('Reference code').fill('ZZZZ-ZZZZ');
  await admin.getByRole('button', { name: 'Find' }).click();
  await expect(admin.getByRole('alert')).toContainText('Nothing has arrived with this reference');
  await expectAccessible(admin, 'erasure: not found');
  await admin.getByLabel('Reference code').fill(reference.toLowerCase());
  await admin.getByRole('button', { name: 'Find' }).click();
  await expect(admin.getByRole('heading', { level: 2, name: 'What will be erased' })).toBeVisible();
  await expect(admin.getByText('1 set of answers')).toBeVisible();
  await expectAccessible(admin, 'erasure: found');
  await admin.getByRole('button', { name: 'Erase now' }).click();
  await expect(admin.getByRole('alert')).toContainText('Say how the participant asked');
  await admin.getByLabel('How did they ask?').fill('By phone to the helpline');
  await admin.getByRole('button', { name: 'Erase now' }).click();
  await expect(admin.getByRole('status')).toContainText('Erased: 1 set of answers unlinked');
  await expectAccessible(admin, 'erasure: done');
}

/** The server's structured log lines (pino JSON), not the welcome text printed for the operator. */
function structuredLog(out: string): string {
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .join('\n');
}

test('a full run, erasure included, leaves no token, code, reference or answer text in the server logs', async ({ page, browser }) => {
  const server = await startServer({ env: { LOG_LEVEL: 'trace' } });
  try {
    const code = server.enrolCode as string;
    await enrolViaUi(page, server);
    const reference = await completeDemoJourney(page);
    await facilitatorHome(page, server);
    await expect(page.getByTestId('queue-waiting')).toHaveText('0', { timeout: 15_000 });
    const token = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('blether');
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('identity');
            get.onsuccess = () => resolve((get.result as { token: string }).token);
          };
        }),
    );
    // failures are logged too: a bad token, a refused body
    await page.request.post(`${server.url}/api/sync/batches`, { headers: { Authorization: `Bearer ${token}x` }, data: { items: [] } });
    await page.request.post(`${server.url}/api/sync/batches`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { items: [{ id: 'x', text: 'Please keep the Saturday story time' }] },
    });

    await expect.poll(() => server.query("select id from bundles where reference_code <> ''").length, { timeout: 15_000 }).toBe(1);
    const admin = await (await browser.newContext()).newPage();
    await eraseAsAdmin(admin, server, reference);
    expect(server.query("select id from bundles where reference_code <> ''")).toHaveLength(0);
    expect(server.query("select action, reason from audit_events where action = 'erasure'")).toEqual([
      { action: 'erasure', reason: 'By phone to the helpline' },
    ]);
    const lookup = await page.request.post(`${server.url}/api/lookup`, { data: { code: reference } });
    expect(lookup.status()).toBe(404);

    const log = structuredLog(server.logs());
    expect(log.length).toBeGreaterThan(500);
    expect(log).toContain('/api/sync/batches');
    for (const secret of [token, token.slice(0, 16), code, code.replace('-', ''), reference, 'Saturday story time', 'Dziękuję']) {
      expect(log, `the log must not contain "${secret}"`).not.toContain(secret);
    }
    expect(log).not.toMatch(/authorization/i);
  } finally {
    await server.stop();
  }
});
