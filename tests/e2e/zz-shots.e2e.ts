import { expect, test } from '@playwright/test';
import { startServer } from '../support/server-process';
import { addAccount, enrolDevice, makeEnrolmentCode, ORGANISER, setupAdmin, signIn } from '../support/staff-ui';

test('shots', async ({ browser }) => {
  test.setTimeout(200_000);
  const server = await startServer();
  try {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/staff/login`);
    await p.waitForTimeout(500);
    await p.screenshot({ path: '/tmp/shots/login-320.png', fullPage: true });
    await setupAdmin(p, server);
    await addAccount(p, ORGANISER);
    await p.screenshot({ path: '/tmp/shots/users-320.png', fullPage: true });
    await p.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(p, server, ORGANISER);
    await p.getByRole('link', { name: 'Engagements' }).click();
    await p.waitForTimeout(300);
    await p.screenshot({ path: '/tmp/shots/engagements-320.png', fullPage: true });
    await p.getByRole('link', { name: 'Your library, your say' }).click();
    await p.waitForTimeout(500);
    await p.screenshot({ path: '/tmp/shots/details-320.png', fullPage: true });
    await p.getByRole('link', { name: 'Questions', exact: true }).click();
    await p.getByRole('link', { name: 'Which matters most to you?' }).click();
    await p.getByLabel('Search the bundled pictures').first().fill('bus');
    await p.waitForTimeout(500);
    await p.screenshot({ path: '/tmp/shots/question-320.png', fullPage: true });
    await p.getByRole('link', { name: 'Preview' }).click();
    await p.getByLabel('Language').selectOption('ar');
    await p.getByLabel('Format').selectOption('easy');
    await p.screenshot({ path: '/tmp/shots/preview-ar-320.png', fullPage: true });
    await p.getByRole('link', { name: 'Completeness' }).click();
    await p.screenshot({ path: '/tmp/shots/complete-320.png', fullPage: true });
    const code = await makeEnrolmentCode(p);
    await p.screenshot({ path: '/tmp/shots/devices-320.png', fullPage: true });
    const d = await (await browser.newContext({ viewport: { width: 320, height: 800 } })).newPage();
    await enrolDevice(d, server.url, code, 'Tablet');
    await d.waitForTimeout(1000);
    await d.screenshot({ path: '/tmp/shots/device-home-320.png', fullPage: true });
    await d.getByRole('link', { name: 'Sessions at a venue' }).click();
    await d.getByLabel('Venue').fill('Library');
    await d.getByRole('button', { name: 'Open session' }).click();
    await d.getByRole('button', { name: 'Hand over to a participant' }).click();
    await d.getByRole('radio', { name: 'العربية' }).check();
    await d.evaluate(() => {
      history.pushState(null, '', '/');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(d.locator('#unlock-pin')).toBeVisible();
    await d.screenshot({ path: '/tmp/shots/gate-ar-320.png', fullPage: true });
    await d.locator('#unlock-pin').fill('2468');
    await d.locator('form button[type=submit]').click();
    await d.evaluate(() => {
      history.pushState(null, '', '/session');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await d.waitForTimeout(500);
    await d.screenshot({ path: '/tmp/shots/session-ar-320.png', fullPage: true });
  } finally {
    await server.stop();
  }
});
