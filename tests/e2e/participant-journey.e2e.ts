import fs from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { chooseStart, walkJourney } from '../a11y/participant-walk';
import { enrolViaUi, facilitatorHome, questionReady } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';

// one server and one enrolled device (browser context) for the file: the server prints one enrolment code
let server: RunningServer;
let context: BrowserContext;
let page: Page;
test.beforeAll(async ({ browser }) => {
  server = await startServer();
  context = await browser.newContext();
  page = await context.newPage();
  await enrolViaUi(page, server);
});
test.afterAll(async () => {
  await context.close();
  await server.stop();
});

const JOURNEY = () => `${server.url}/p/library-your-say`;

/** Layout checks on the screen as it is: reflow, targets, motion, clipping under text spacing. */
async function layoutProblems(page: Page, state: string): Promise<string[]> {
  return page.evaluate((state) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.right > doc.clientWidth + 1 || r.left < -1;
      });
      const culprit = wide.at(-1);
      out.push(`${state}: scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth}) at ${culprit?.tagName}.${culprit?.className}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(
      'main button, main a, main input, main textarea, main select, .journey-bar button',
    )) {
      const target = (el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label') : el) as HTMLElement;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 || r.height < 44)
        out.push(`${state}: ${el.outerHTML.slice(0, 80)} is ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const cs = getComputedStyle(el);
      const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
      if (
        clips &&
        !el.classList.contains('visually-hidden') &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) &&
        !['TEXTAREA', 'INPUT'].includes(el.tagName)
      )
        out.push(`${state}: ${el.tagName}.${el.className} clips its content`);
    }
    const running = document.getAnimations().filter((a) => a.playState === 'running');
    if (running.length) out.push(`${state}: ${running.length} animations running`);
    return out;
  }, state);
}

const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`;

test('at 320 px, with WCAG text spacing and reduced motion: no sideways scroll, nothing clipped, every target 44x44; forced colors screenshots kept', async () => {
  test.setTimeout(150_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(JOURNEY());
  // the CSP forbids inline <style>; a constructed sheet is CSSOM, which it allows
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, TEXT_SPACING);
  const problems: string[] = [];
  const dir = 'tests/artifacts/forced-colors';
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // 320 px is 400% zoom of a 1280 px screen; the biggest text option on top of that must reflow too
  for (const [lng, format, size] of [
    ['en', 'easy', 0],
    ['ar', 'standard', 2],
  ] as const) {
    await chooseStart(page, lng, format);
    await page.locator('input[name="text-size"]').nth(size).check();
    await walkJourney(page, async (state) => {
      problems.push(...(await layoutProblems(page, `${lng} ${format} text size ${size}: ${state}`)));
      if (/filled|error|start|done/.test(state)) {
        await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
        const name = `${lng}-${format}-${state.replace(/[^a-z0-9]+/gi, '-')}.png`;
        await page.screenshot({ path: `${dir}/${name}`, fullPage: true });
        await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'reduce' });
      }
    });
  }
  expect(problems).toEqual([]);
  expect(fs.readdirSync(dir).length).toBeGreaterThan(10);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
});

test('keyboard only, from language choice to Done: focus always visible, error summary takes focus and links to its field', async () => {
  test.setTimeout(120_000);
  // a new participant: the facilitator takes the device back from the last one and hands it over afresh
  await facilitatorHome(page, server);
  // a typed address opens a new hand-over too: a fresh page, keyboard from the top
  await page.goto(JOURNEY());
  await expect(page.locator('input[name="language"][value="en"]')).toBeChecked();
  const focusVisible = async () => {
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
      return {
        outline: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px',
        inView: r.bottom > 0 && r.top < innerHeight,
        covered: !!top && !el.contains(top) && !top.contains(el) && !(el.closest('label')?.contains(top) ?? false),
      };
    });
    expect(info).not.toBeNull();
    expect(info?.outline).toBe(true);
    expect(info?.inView).toBe(true);
    expect(info?.covered).toBe(false);
  };
  const tabTo = async (selector: string, back = false) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
        await focusVisible();
        return;
      }
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  // language by arrows inside the radio group
  await tabTo('input[name="language"]');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tabTo('input[name="format"]');
  await page.keyboard.press('Space');
  await tabTo('main button[type="submit"]');
  await page.keyboard.press('Enter');
  // about: Continue without consent -> the summary takes focus, its link moves focus to the box
  await expect(page.locator('#consent')).toBeVisible();
  await tabTo('main button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await focusVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#consent')).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo('main button[type="submit"]');
  await page.keyboard.press('Enter');
  // every question: first option by Space (radios, checkboxes), + by Enter, text typed; voice skipped
  for (let n = 0; n < 7; n++) {
    // the next question, not the last one still on screen while its answer is checked
    await expect(page.locator('main .progress')).toHaveText(`Question ${n + 1} of 7`);
    await questionReady(page);
    if (await page.locator('main .voice').isVisible()) {
      await tabTo('[data-action="skip"]');
      await page.keyboard.press('Enter');
      continue;
    }
    if (await page.locator('.priority-list').isVisible()) {
      await tabTo('.priority-list [id$="-plus"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect(page.locator('.token-count').first()).toContainText('2');
      await tabTo('.priority-list [id$="-minus"]', true);
      await page.keyboard.press('Space');
      await expect(page.locator('.token-count').first()).toContainText('1');
    } else if (await page.locator('main textarea').isVisible()) {
      await tabTo('main textarea');
      await page.keyboard.type('Typed with the keyboard only');
    } else {
      await tabTo('main .options input');
      await page.keyboard.press('Space');
    }
    await tabTo('main button[type="submit"]');
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('#contact-email')).toBeVisible();
  await tabTo('#contact-email');
  await page.keyboard.type('keyboard@example.org');
  await tabTo('main button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('#monitoring-area')).toBeVisible();
  await tabTo('input[name="monitoring-ageBand"]');
  await page.keyboard.press('ArrowDown');
  await tabTo('main button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-action="no-claim"]')).toBeVisible();
  await tabTo('[data-action="no-claim"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('.summary')).toContainText('keyboard@example.org');
  await tabTo('main .actions .button.primary');
  await page.keyboard.press('Enter');
  await expect(page.locator('.reference')).toBeVisible();
});

test('after Done, the next participant sees nothing of the first: not in the page, not through history.back(), not through autofill', async () => {
  await facilitatorHome(page, server);
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await chooseStart(page, 'pl', 'easy');
  await page.locator('input[name="display-spacing"]').check();
  const secret = 'Sekret pierwszej osoby 12345';
  const code = await walkJourneyWithText(page, secret);
  // straight after Finish: the start page, in the default language and format, with default display
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('input[name="format"][value="standard"]')).toBeChecked();
  await expect(page.locator('input[name="display-spacing"]')).not.toBeChecked();
  await expect(page.locator('html')).not.toHaveClass(/spacing/);
  const html = async () => page.evaluate(() => document.documentElement.outerHTML);
  for (const leak of [secret, code, 'reader@example.org', 'G42']) expect(await html()).not.toContain(leak);
  // history: the journey added no entries; going back reaches only the locked gate, and nothing of the participant
  await page.goBack();
  await expect(page.getByLabel('Facilitator PIN')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  for (const leak of [secret, code, 'reader@example.org']) expect(await html()).not.toContain(leak);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();
  for (const leak of [secret, code, 'reader@example.org']) expect(await html()).not.toContain(leak);
  // autofill: every field a participant types into says autocomplete="off"
  await page.goto(JOURNEY());
  await page.locator('main form button[type="submit"]').click();
  await page.locator('#consent').check();
  await page.locator('main form button[type="submit"]').click();
  const fields: string[] = [];
  while (await page.locator('main .progress').isVisible()) {
    for (const f of await page
      .locator('main input[type=text], main input[type=email], main input[type=tel], main textarea, main input:not([type])')
      .all())
      fields.push(`${await f.getAttribute('id')}=${await f.getAttribute('autocomplete')}`);
    await page.locator('[data-action="skip"]').click();
  }
  for (const step of ['contact', 'monitoring']) {
    for (const f of await page
      .locator('main input[type=text], main input[type=email], main input[type=tel], main textarea, main input:not([type])')
      .all())
      fields.push(`${step} ${await f.getAttribute('id')}=${await f.getAttribute('autocomplete')}`);
    await expect(page.locator('main form')).toHaveAttribute('autocomplete', 'off');
    await page.locator('main .actions .button.secondary').first().click();
  }
  await page.locator('[data-action="no-claim"]').click();
  await expect(page.locator('.summary')).toBeVisible();
  expect(fields.length).toBeGreaterThanOrEqual(5);
  for (const f of fields) expect(f).toMatch(/=off$/);
  await expect(page.locator('.summary')).not.toContainText('reader@example.org');
});

async function walkJourneyWithText(page: Page, text: string): Promise<string> {
  return walkJourney(page, async (state) => {
    if (state === 'question 7, filled') await page.locator('main textarea').fill(text);
  });
}

test('Done says where to look the code up later; its link opens /lookup with the code from the fragment, never in the query or left in the address', async () => {
  // the test before left a journey part-way: the facilitator takes the device back and starts afresh
  await facilitatorHome(page, server);
  await expect(page.getByTestId('unfinished')).toBeVisible();
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await chooseStart(page, 'pl', 'easy');
  let code = '';
  await walkJourney(page, async (state) => {
    if (state !== 'done') return;
    code = ((await page.locator('.reference').textContent()) ?? '').trim();
    await expect(page.locator('main')).toContainText(`${new URL(server.url).host}/lookup`);
    await expect(page.locator('main')).toContainText('Później wejdź na');
    const link = page.getByTestId('lookup-link');
    await expect(link).toHaveText('Przejdź do strony sprawdzania kodu');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`/lookup?lang=pl&format=easy#code=${code}`);
  });
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // the same link, followed (walkJourney pressed Finish, so open it as the participant would have)
  await page.goto(`${server.url}/lookup?lang=pl&format=easy#code=${code}`);
  await expect(page.locator('#lookup-code')).toHaveValue(code);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  // read once, then dropped: the address bar and history keep no code
  expect(page.url()).toBe(`${server.url}/lookup?lang=pl&format=easy`);
  expect(await page.evaluate(() => location.hash)).toBe('');
});
