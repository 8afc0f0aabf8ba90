/** The staff web driven as a person would, plus small fixtures (a picture, a clip) for uploads. */
import { expect, type Page } from '@playwright/test';
import type { RunningServer } from './server-process';

export const ADMIN = { name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' };
export const ORGANISER = { name: 'Olu Organiser', email: 'olu@example.org', password: 'another long passphrase' };

export function setupLink(server: RunningServer): string {
  const m = /(\/staff\/setup#token=[\w-]+)/.exec(server.logs());
  if (!m?.[1]) throw new Error(`the server printed no setup link:\n${server.logs()}`);
  return `${server.url}${m[1]}`;
}

export async function setupAdmin(page: Page, server: RunningServer, check: (s: string) => Promise<void> = async () => {}) {
  await page.goto(setupLink(server));
  await expect(page.getByRole('heading', { level: 1, name: 'Set up the first admin account' })).toBeVisible();
  await check('staff setup');
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff pages' })).toBeVisible();
  await expect(page).toHaveURL(/\/staff$/);
}

/** Adds an account on the Staff accounts page: an organiser, with `moreRoles` ticked too. */
export async function addAccount(page: Page, who: { name: string; email: string; password: string }, moreRoles: string[] = []) {
  await page.getByRole('link', { name: 'Staff accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(who.name);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('First password').fill(who.password);
  for (const role of moreRoles) await page.locator(`#new-role-${role}`).check();
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status')).toContainText(`Account made for ${who.name}`);
  await expect(page.getByRole('cell', { name: who.email })).toBeVisible();
}

export async function signIn(page: Page, server: RunningServer, who: { email: string; password: string }) {
  await page.goto(`${server.url}/staff/login`);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff pages' })).toBeVisible();
}

export const FINANCE_OFFICER = { name: 'Fay Finance', email: 'fay@example.org', password: 'a finance passphrase 42' };

/** The first admin makes a finance account; the finance officer signs in at /staff and opens Claims from the navigation. */
export async function financeSignedIn(admin: Page, finance: Page, server: RunningServer, who = FINANCE_OFFICER, adminReady = false) {
  if (!adminReady) await setupAdmin(admin, server);
  await admin.getByRole('link', { name: 'Staff accounts' }).click();
  await admin.getByLabel('Name', { exact: true }).fill(who.name);
  await admin.getByLabel('Email address').fill(who.email);
  await admin.getByLabel('First password').fill(who.password);
  await admin.locator('#new-role-organiser').uncheck();
  await admin.locator('#new-role-finance').check();
  await admin.getByRole('button', { name: 'Add account' }).click();
  await expect(admin.getByRole('cell', { name: who.email })).toBeVisible();
  await finance.goto(`${server.url}/staff`);
  await finance.getByLabel('Email address').fill(who.email);
  await finance.getByLabel('Password').fill(who.password);
  await finance.getByRole('button', { name: 'Sign in' }).click();
  // a finance-only account sees the finance screens in the staff navigation, and nothing it may not use
  const nav = finance.getByRole('navigation', { name: 'Staff' });
  await expect(nav.getByRole('link')).toHaveText(['Start', 'Claims', 'Payment runs', 'Cash floats', 'Totals']);
  await financeNav(finance, 'Claims');
}

/** A finance screen reached from the staff navigation. */
export async function financeNav(page: Page, link: 'Claims' | 'Payment runs' | 'Cash floats' | 'Totals') {
  await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
}

/** Makes an enrolment code on the Devices page and returns it. */
export async function makeEnrolmentCode(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
  await page.getByRole('button', { name: 'Make an enrolment code' }).click();
  const code = (await page.getByTestId('enrolment-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  return code;
}

/** Enrols the browser as a device with a code and a facilitator PIN. */
export async function enrolDevice(page: Page, url: string, code: string, name: string, pin = '2468') {
  await page.goto(`${url}/enrol#code=${code}`);
  await page.getByLabel('Name for this device').fill(name);
  await page.getByLabel('Facilitator PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByRole('button', { name: 'Set up device' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outreach device' })).toBeVisible();
}

// a 1x1 PNG
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Half a second of 8 kHz 8-bit mono silence as a WAV file. */
export function wav(): Buffer {
  const n = 4000;
  const b = Buffer.alloc(44 + n, 128);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36);
  b.writeUInt32LE(n, 40);
  return b;
}

/**
 * The first admin adds an organiser, who publishes a new version of the demo engagement with a rate card, so
 * it offers claims. Through the builder's API: the builder page cannot save the demo's bundled clips, which
 * are not uploads. The demo's clips are left out of this version.
 */
export async function organiserPublishesRateCard(admin: Page, organiser: Page, server: RunningServer, rateCard: unknown) {
  await setupAdmin(admin, server);
  await addAccount(admin, ORGANISER);
  await signIn(organiser, server, ORGANISER);
  const headers = { origin: server.url };
  const list = await (await organiser.request.get(`${server.url}/api/staff/engagements`)).json();
  const { id } = (list.engagements as { id: string; slug: string }[]).find((e) => e.slug === 'library-your-say') as { id: string };
  const { content } = await (await organiser.request.get(`${server.url}/api/staff/engagements/${id}`)).json();
  const questions = (content.questions as Record<string, unknown>[]).map(({ audio: _clips, ...q }) => q);
  const saved = await organiser.request.put(`${server.url}/api/staff/engagements/${id}/draft`, {
    headers,
    data: { content: { ...content, questions, rateCard } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  expect((await organiser.request.post(`${server.url}/api/staff/engagements/${id}/publish`, { headers })).status()).toBe(201);
}
