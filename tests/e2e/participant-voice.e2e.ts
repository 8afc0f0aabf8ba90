import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { expectAccessible } from '../support/axe';
import { staffFor } from '../support/insight-e2e';
import { enrolViaUi } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
  permissions: ['microphone'],
});

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('read aloud plays the recorded clip on a press; a language switch keeps the answer; a voice answer (fake microphone) plays back, is kept with the bundle as an attachment, and arrives with it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await enrolViaUi(page, server);
  await page.goto(`${server.url}/p/library-your-say`);
  await page.getByRole('checkbox', { name: /Read aloud/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // read aloud: the recorded clip for this text, language and format, only on a press
  const clip = page.getByTestId('read-aloud-clip');
  await expect(clip).toHaveAttribute('src', '/audio/visit-en.ogg');
  expect(await clip.evaluate((a: HTMLAudioElement) => a.paused && a.currentTime === 0)).toBe(true);
  await page.getByRole('button', { name: 'Listen' }).click();
  await expect.poll(() => clip.evaluate((a: HTMLAudioElement) => a.currentTime > 0 || a.ended)).toBe(true);
  await page.getByRole('button', { name: /^(Stop|Listen)$/ }).click();

  // switching language mid-question keeps the answer; Arabic has no clip, so only an on-device voice could read it
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Language and format' }).click();
  await page.getByRole('radio', { name: 'العربية' }).check();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByLabel('نعم', { exact: true })).toBeChecked();
  const arabicVoice = await page.evaluate(() => speechSynthesis.getVoices().some((v) => v.localService && v.lang.startsWith('ar')));
  await expect(page.getByRole('button', { name: 'استمع' })).toHaveCount(arabicVoice ? 1 : 0);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Yes', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();

  while (!(await page.getByRole('heading', { level: 1, name: /in your own voice/ }).isVisible())) {
    await page.getByRole('button', { name: "Skip / I don't know" }).click();
  }
  await page.getByRole('button', { name: 'Record my answer' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.locator('main .voice-status')).toHaveText('Your recording is ready.');
  await page.getByRole('button', { name: 'Play my recording' }).click();
  await expect.poll(() => page.getByTestId('voice-playback').evaluate((a: HTMLAudioElement) => a.currentTime > 0 || a.ended)).toBe(true);
  await expect(page.getByRole('button', { name: 'Record again' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: "Skip / I don't know" }).click();
  await page.getByRole('button', { name: 'No thanks' }).click();
  await page.getByRole('button', { name: 'Skip these questions' }).click();
  await page.getByRole('button', { name: 'No, thank you' }).click();
  await expect(page.locator('.summary')).toContainText('Voice recording');

  // keep it offline while sending, so the outbox can be read before sync
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<{ refs: number; bytes: number }>((resolve, reject) => {
        const req = indexedDB.open('blether');
        req.onsuccess = () => {
          const tx = req.result.transaction(['outbox', 'attachments']);
          const all = tx.objectStore('outbox').getAll();
          const att = tx.objectStore('attachments').getAll();
          tx.oncomplete = () =>
            resolve({
              refs: (all.result as { attachments: string[] }[]).reduce((n, r) => n + r.attachments.length, 0),
              bytes: (att.result as { bytes: Blob }[]).reduce((n, r) => n + r.bytes.size, 0),
            });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  expect(stored.refs).toBe(1);
  expect(stored.bytes).toBeGreaterThan(500);

  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.goto(`${server.url}/`);
  await expect
    .poll(() => server.query<{ n: number }>('select attachment_count as n from bundles').map((r) => r.n), { timeout: 20_000 })
    .toEqual([1]);
  const answers = JSON.parse(server.query<{ a: string }>('select answers_json as a from bundles')[0]?.a ?? '{}');
  expect(answers.voice).toEqual({ voice: 0 });

  // an analyst plays the voice answer back: opened on the server from its sealed bundle, and audited
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staffFor(server, staff.request);
  const [engagement] = server.query<{ id: string }>('select id from engagements');
  await staff.goto(`${server.url}/staff/insight/${engagement?.id}/results`);
  await staff.getByRole('link', { name: 'Answers and themes' }).click();
  const audio = staff.getByRole('listitem').filter({ hasText: 'Voice answer' }).locator('audio');
  await expect(audio).toHaveCount(1);
  await expect(audio).toHaveAttribute('controls', '');
  await expectAccessible(staff, 'insight answers with a voice answer');
  await audio.evaluate((a: HTMLAudioElement) => {
    a.preload = 'auto';
    a.load();
  });
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.error === null && a.duration > 0)).toBe(true);
  expect(
    server.query<{ n: number }>("select count(*) as n from audit_events where action = 'answer.voice_played'")[0]?.n,
  ).toBeGreaterThanOrEqual(1);
  await staffContext.close();
});
