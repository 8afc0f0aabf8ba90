/**
 * One participant at a time (DESIGN.md, Hand-over): a participant walks away part-way; the next person sees
 * nothing of them, anywhere (page, inputs, history, IndexedDB as plaintext), Back never reaches an unlocked
 * facilitator screen, and behind the PIN the facilitator finds the unfinished answers to carry on or delete.
 * A new build shows its prompt on the facilitator home without a reload, and never during a hand-over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import { deployNewServiceWorker } from '../support/deploy';
import { enrolViaUi, facilitatorHome, waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

let server: RunningServer;
test.afterEach(async () => {
  await server?.stop();
});

const SECRET = 'Walked-away words 7f3a9c';

/** Every string the device keeps in IndexedDB, as plaintext would show it. */
async function idbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('blether');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
      const decode = (v: unknown): unknown =>
        v instanceof ArrayBuffer ? new TextDecoder('latin1').decode(v) : Array.isArray(v) ? v.map(decode) : v;
      out.push(JSON.stringify(all, (_k, v) => decode(v)));
    }
    db.close();
    return out.join('\n');
  });
}

async function startAndWalkToTheFreeText(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  while (!(await page.getByRole('heading', { level: 1, name: /anything else/ }).isVisible())) {
    await page.getByRole('button', { name: "Skip / I don't know" }).click();
  }
  await page.getByRole('textbox').fill(SECRET);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /hear what happens/ })).toBeVisible();
}

test('a participant walks away: the next sees nothing of them, Back never unlocks, the facilitator resumes or deletes behind the PIN', async ({
  page,
}) => {
  server = await startServer();
  await enrolViaUi(page, server);
  await startAndWalkToTheFreeText(page);

  // the facilitator comes back: Back leads only to the locked gate, which asks for the PIN
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  // part-way through, the way back says it keeps their answers (not "Start", which reads as starting over)
  await expect(page.getByRole('link', { name: 'Back to your answers' })).toHaveAttribute('href', '/p/library-your-say');
  await expectAccessible(page, 'gate, hand-over open');
  await page.getByLabel('Facilitator PIN').fill('1111');
  await page.getByRole('button', { name: 'Leave participant mode' }).click();
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right');
  await expectAccessible(page, 'gate, wrong PIN');
  await facilitatorHome(page, server);
  await expect(page.getByTestId('unfinished')).toContainText('Unfinished answers');
  await expectAccessible(page, 'home, with unfinished answers');

  // the next participant starts at the beginning with nothing filled in
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByLabel('I understand and I want to take part')).not.toBeChecked();
  await page.getByLabel('I understand and I want to take part').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  while (!(await page.getByRole('heading', { level: 1, name: /anything else/ }).isVisible())) {
    await page.getByRole('button', { name: "Skip / I don't know" }).click();
  }
  await expect(page.getByRole('textbox')).toHaveValue('');
  const seen = async () => {
    const text = await page.evaluate(
      () =>
        `${document.documentElement.outerHTML}\n${[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join('\n')}`,
    );
    expect(text).not.toContain(SECRET);
  };
  await seen();
  // every storage area the page can write: IndexedDB (sealed drafts only), Web Storage, Cache Storage
  expect(await idbText(page)).not.toContain(SECRET);
  const stored = await page.evaluate(async () => {
    const out = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        out.push(req.url);
        const res = await cache.match(req);
        if (res?.headers.get('content-type')?.match(/json|text/)) out.push(await res.text());
      }
    }
    return out.join('\n');
  });
  expect(stored).not.toContain(SECRET);

  // Back, up to 8 times: never an unlocked facilitator screen, never the first participant's words
  for (let i = 0; i < 8; i++) {
    const before = page.url();
    await page.goBack();
    // the start of the browser's history (outside the app) ends the walk
    if (page.url() === before || !page.url().startsWith(server.url)) break;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Outreach device' })).toHaveCount(0);
    await seen();
  }

  // behind the PIN: carry on with the same person (their words come back), or delete
  await facilitatorHome(page, server);
  const unfinished = page.getByTestId('unfinished').getByRole('listitem');
  await expect(unfinished).toHaveCount(2);
  await unfinished
    .filter({ hasText: 'question 7' })
    .getByRole('button', { name: /Delete these answers/ })
    .click();
  await expect(unfinished).toHaveCount(1);
  await unfinished.getByRole('button', { name: /Carry on with the same person/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /hear what happens/ })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('textbox')).toHaveValue(SECRET);
});

test('a new build: its prompt shows on the facilitator home without a reload, never during a hand-over', async ({ page, context }) => {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-dist-'));
  fs.cpSync('dist', distDir, { recursive: true });
  try {
    server = await startServer({ env: { DIST_DIR: distDir } });
    await enrolViaUi(page, server);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /Start with a participant/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();

    // deployed while the participant is on the start page; the connection comes back, so the app checks
    deployNewServiceWorker(distDir);
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    await expect(page.getByText('A new version of Blether is ready.')).toHaveCount(0);

    // the facilitator takes the device back (Back, then the PIN: no reload): the prompt is there, on their home
    await page.goBack();
    await page.getByLabel('Facilitator PIN').fill('2468');
    await page.getByRole('button', { name: 'Leave participant mode' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outreach device' })).toBeVisible();
    await expect(page.getByText('A new version of Blether is ready.')).toBeVisible();
    await expectAccessible(page, 'home, update ready');
  } finally {
    fs.rmSync(distDir, { recursive: true, force: true });
  }
});
