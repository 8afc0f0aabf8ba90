import { expect, test } from '@playwright/test';
import { completeDemoJourney, enrolViaUi } from '../support/journey';
import { startServer } from '../support/server-process';

/** The server's structured log lines (pino JSON), not the welcome text printed for the operator. */
function structuredLog(out: string): string {
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .join('\n');
}

test('a full run leaves no token, code, reference or answer text in the server logs', async ({ page }) => {
  const server = await startServer({ env: { LOG_LEVEL: 'trace' } });
  try {
    const code = server.enrolCode as string;
    await enrolViaUi(page, server);
    const reference = await completeDemoJourney(page);
    await page.goto(`${server.url}/`);
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
