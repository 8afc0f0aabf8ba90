import { expect, type Page } from '@playwright/test';
import type { RunningServer } from './server-process';

/** Enrols the browser as a device through the enrolment screen, as a facilitator would. */
export async function enrolViaUi(page: Page, server: RunningServer, name = 'Library tablet'): Promise<void> {
  if (!server.enrolCode) throw new Error('the server printed no enrolment code');
  await page.goto(`${server.url}/enrol#code=${server.enrolCode}`);
  await expect(page.getByLabel('Enrolment code')).toHaveValue(server.enrolCode);
  await page.getByLabel('Name for this device').fill(name);
  await page.getByLabel('Facilitator PIN').fill('2468');
  await page.getByLabel('Type the PIN again').fill('2468');
  await page.getByRole('button', { name: 'Set up device' }).click();
  await expect(page.getByRole('heading', { name: 'Outreach device' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your library, your say' })).toBeVisible();
}

/** On the claim question (the demo offers expenses in the journey): "No, thank you", in any language. */
export async function declineClaim(page: Page): Promise<void> {
  await page.locator('[data-action="no-claim"]').click();
}

/** Waits until the question on screen has its input: the richer inputs load a step ahead, later when the machine is busy. */
export async function questionReady(page: Page): Promise<void> {
  await expect(page.locator('main').locator('.priority-list, .options, textarea, .voice').first()).toBeVisible();
}

/** Reloads once the hand-over's draft holds everything on screen (a person is never quicker than that write). */
export async function reloadWhenSaved(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-draft', 'saved');
  await page.reload();
}

/** The facilitator takes the device back: the device home, through the PIN gate when a hand-over is open. */
export async function facilitatorHome(page: Page, server: RunningServer, pin = '2468'): Promise<void> {
  await page.goto(`${server.url}/`);
  const gate = page.getByLabel('Facilitator PIN');
  const home = page.getByRole('heading', { level: 1, name: 'Outreach device' });
  await expect(gate.or(home)).toBeVisible();
  if (await gate.isVisible()) {
    await gate.fill(pin);
    await page.getByRole('button', { name: 'Leave participant mode' }).click();
  }
  await expect(home).toBeVisible();
}

/** Waits until the service worker controls the page, so it can load offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Answers the seven demo questions in English, then contact and monitoring (axe over these newer screens,
 *  in every locale, is in tests/a11y/participant-locales-*.a11y.ts); `check` runs at every screen (for axe).
 *  Then the claim question: "No" unless `claim: 'ask'` leaves it open for the test to answer. */
export async function answerDemo(
  page: Page,
  check: (state: string) => Promise<void> = async () => {},
  { claim = 'no' }: { claim?: 'no' | 'ask' } = {},
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Have you used the library in the last year?' })).toBeVisible();
  await check('question yes/no, empty');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Give an answer, or choose Skip');
  await check('question yes/no, error');
  await page.getByLabel('Yes', { exact: true }).check();
  await check('question yes/no, filled');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'How do you feel about the library as it is now?' })).toBeVisible();
  await page.getByLabel('Happy', { exact: true }).check();
  await check('question faces, filled');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Which matters most to you?' })).toBeVisible();
  await page.getByLabel('Longer opening hours').check();
  await check('question single, filled');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Which of these would you use/ })).toBeVisible();
  await page.getByLabel('Free wifi').check();
  await page.getByLabel('Borrowing books').check();
  await check('question multiple, filled');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Share 5 tokens/ })).toBeVisible();
  await page.getByRole('button', { name: 'More for Longer opening hours' }).click();
  await page.getByRole('button', { name: 'More for Longer opening hours' }).click();
  await page.getByRole('button', { name: 'More for More books' }).click();
  await expect(page.locator('.tokens-left')).toHaveText('You have 2 tokens left to share.');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /in your own voice/ })).toBeVisible();
  await page.getByRole('button', { name: "Skip / I don't know" }).click();

  await expect(page.getByRole('heading', { level: 1, name: /anything else/ })).toBeVisible();
  await page.getByRole('textbox').fill('Please keep the Saturday story time. Dziękuję!');
  await check('question free text, filled');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /hear what happens/ })).toBeVisible();
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address like name@example.com');
  await page.getByLabel('Email address').fill('reader@example.org');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'About you (optional)' })).toBeVisible();
  await page.getByRole('group', { name: 'How old are you?' }).getByLabel('25 to 34').check();
  await page.getByRole('group', { name: 'What is your gender?' }).getByLabel('Prefer not to say').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Do you want to claim back what taking part cost you?' })).toBeVisible();
  if (claim === 'no') await declineClaim(page);
}

/** From the device home to Done: start, about and consent, the questions, check answers, send. */
export async function completeDemoJourney(page: Page, check: (state: string) => Promise<void> = async () => {}): Promise<string> {
  await page.getByRole('button', { name: /Start with a participant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your library, your say' })).toBeVisible();
  await check('start');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick the box');
  await check('about, error');
  await page.getByLabel('I understand and I want to take part').check();
  await check('about, filled');
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerDemo(page, check);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await check('check answers');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await check('done');
  const code = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}

/** On the claim's costs screen: adds a bus fare with the fixture receipt photo (shrunk on the device). */
export async function addBusFareWithPhoto(page: Page, amount: string, photo: string, first = true): Promise<void> {
  await page.getByRole('button', { name: first ? 'Add a cost' : 'Add another cost' }).click();
  await page.getByLabel('Bus, train or tram').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('How much did it cost?').fill(amount);
  await page.locator('#receipt').setInputFiles(photo);
  await expect(page.getByText(/Photo added \(\d+ KB\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Add this cost' }).click();
}

/** After the costs: payment into a bank account, the claimant's name, and on to the check page. */
export async function payByBank(page: Page): Promise<void> {
  await page.getByLabel('Into my bank account').check();
  await page.getByLabel('Name on the account').fill('Ann Example');
  await page.getByLabel('Sort code').fill('12-34-56');
  await page.getByLabel('Account number').fill('12345678');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check and confirm' })).toBeVisible();
  await page.getByLabel('Your name').fill('Ann Example');
  // inside the journey the claim is sent with the answers, from the check page
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
}
