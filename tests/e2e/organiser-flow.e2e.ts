/**
 * The organiser's whole loop (issue 6, first acceptance point): first-run admin, an organiser, an
 * engagement built in two languages with easy read, a picture and a clip; publish; enrol a device; it
 * downloads everything; offline, a participant answers in Polish easy read and the clip plays from the
 * cache; sync; the bundle shows under version 1; version 2 is published and a version-1 bundle from
 * another device is still accepted.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { expectAccessible } from '../support/axe';
import { sealedItem } from '../support/bundles';
import { waitForServiceWorker } from '../support/journey';
import { type RunningServer, startServer } from '../support/server-process';
import { addAccount, enrolDevice, makeEnrolmentCode, ORGANISER, PNG, setupAdmin, signIn, wav } from '../support/staff-ui';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

type Words = { en: readonly [string, string]; pl: readonly [string, string] };
async function fillText(scope: Page | Locator, group: string, words: Words) {
  const g = scope.getByRole('group', { name: group, exact: true });
  for (const [lng, name] of [
    ['en', 'English (en)'],
    ['pl', 'Polski (pl)'],
  ] as const) {
    await g.getByLabel(`${name}, standard`).fill(words[lng][0]);
    await g.getByLabel(`${name}, easy read`).fill(words[lng][1]);
  }
}

const answersOf = (page: Page, version: number) => page.getByTestId(`version-${version}`).locator('td').nth(2);

async function addQuestion(page: Page, type: string, title: Words) {
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await page.getByLabel('Type of the new question').selectOption({ label: type });
  await page.getByRole('button', { name: 'Add question' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Question \\d: ${type.replace(/[/()]/g, '.')}`) })).toBeVisible();
  await fillText(page, 'Question wording', title);
}

test('an organiser builds, publishes and revises an engagement that a device runs offline in Polish easy read', async ({ browser }) => {
  // one long story with axe on every builder screen: longer than the default 90 s when the machine is shared
  test.setTimeout(240_000);
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  const check = (state: string) => expectAccessible(staff, state);

  // first run: the printed one-time link makes the admin, who adds an organiser
  await setupAdmin(staff, server, check);
  await check('staff start (admin)');
  await addAccount(staff, ORGANISER);
  await check('staff accounts');
  await staff.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Staff sign in' })).toBeVisible();
  await check('staff sign in');
  await signIn(staff, server, ORGANISER);

  // the builder
  await staff.getByRole('link', { name: 'Engagements' }).click();
  await check('engagements list');
  await staff.getByLabel('Title (English, standard)').fill('Bus routes');
  await staff.getByLabel('Short web address').fill('bus-routes');
  await staff.getByRole('button', { name: 'Create engagement' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Details: Bus routes' })).toBeVisible();
  await staff.getByLabel('Polski (pl)').check();
  await fillText(staff, 'Title', { en: ['Bus routes', 'Buses near you'], pl: ['Trasy autobusowe', 'Autobusy koło Ciebie'] });
  await fillText(staff, 'What it is about', {
    en: ['The council is reviewing bus routes.', 'We want to change the buses.'],
    pl: ['Rada przegląda trasy autobusowe.', 'Chcemy zmienić autobusy.'],
  });
  await fillText(staff, 'Privacy notice', {
    en: ['Answers are anonymous and kept for two years.', 'We do not need your name.'],
    pl: ['Odpowiedzi są anonimowe i przechowywane dwa lata.', 'Nie potrzebujemy Twojego imienia.'],
  });
  await staff.getByLabel('Opens on').fill('2027-01-10');
  await staff.getByLabel('Age group').check();
  await check('builder details');

  await addQuestion(staff, 'Yes / no / not sure', {
    en: ['Do you take the bus every week?', 'Do you use the bus each week?'],
    pl: ['Czy jeździsz autobusem co tydzień?', 'Jeździsz autobusem w każdym tygodniu?'],
  });
  await staff
    .getByLabel('Or upload a picture (PNG, JPEG or WebP, up to 5 MB)')
    .setInputFiles({ name: 'bus.png', mimeType: 'image/png', buffer: PNG });
  const alt = staff.getByRole('group', { name: 'Describe the picture (alt text)' });
  await alt.getByLabel('English (en)').fill('A red bus');
  await alt.getByLabel('Polski (pl)').fill('Czerwony autobus');
  await staff.getByLabel('Clip: Polski (pl), easy read').setInputFiles({ name: 'pl-easy.wav', mimeType: 'audio/wav', buffer: wav() });
  await expect(staff.locator('audio')).toHaveCount(1);
  await check('builder question editor with picture and clip');

  await addQuestion(staff, 'Choose one', {
    en: ['Which route matters most?', 'Which bus is most important?'],
    pl: ['Która trasa jest najważniejsza?', 'Który autobus jest najważniejszy?'],
  });
  for (const [i, words] of [
    ['1', { en: ['Route 7 to the hospital', 'Bus 7 to hospital'], pl: ['Linia 7 do szpitala', 'Autobus 7 do szpitala'] }],
    ['2', { en: ['Route 12 to the town centre', 'Bus 12 to town'], pl: ['Linia 12 do centrum', 'Autobus 12 do miasta'] }],
  ] as const) {
    await staff.getByRole('button', { name: 'Add option' }).click();
    await fillText(staff, `Option ${i}`, words);
  }
  await addQuestion(staff, 'Free text', {
    en: ['What would make the bus better?', 'How can the bus be better?'],
    pl: ['Co poprawiłoby autobusy?', 'Jak zrobić lepszy autobus?'],
  });
  await staff.getByRole('button', { name: 'Save draft' }).click();
  await expect(staff.getByRole('status').first()).toContainText('Draft saved');
  await staff.getByRole('link', { name: 'Questions', exact: true }).click();
  await expect(staff.locator('.staff-questions li')).toHaveCount(3);
  await check('builder question list');

  await staff.getByRole('link', { name: 'Completeness' }).click();
  await expect(staff.getByText('Nothing stops publishing.')).toBeVisible();
  // the first question has only a Polish easy-read clip: the other three are listed, each a link to its field
  const clipRows = staff.getByRole('row').filter({ hasText: /clip$/ });
  await expect(clipRows).toHaveCount(3);
  await check('builder completeness');
  await staff.getByRole('link', { name: 'Preview' }).click();
  await staff.getByLabel('Language').selectOption('pl');
  await staff.getByLabel('Format').selectOption('easy');
  await expect(staff.getByRole('heading', { level: 2, name: 'Autobusy koło Ciebie' })).toBeVisible();
  await expect(staff.getByRole('img', { name: 'Czerwony autobus' })).toBeVisible();
  await check('builder preview, Polish easy read');
  await staff.getByRole('link', { name: 'Publish' }).click();
  await check('builder publish');
  await staff.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(staff.getByRole('status').first()).toContainText('Version 1 is published');
  await expect(answersOf(staff, 1)).toHaveText('0');

  // a device, enrolled with a code from the organiser
  const code = await makeEnrolmentCode(staff);
  await check('devices, with an enrolment code');
  const deviceCtx = await browser.newContext();
  const device = await deviceCtx.newPage();
  await enrolDevice(device, server.url, code, 'Bus station tablet');
  await expect(device.getByTestId('offline-bus-routes')).toHaveText(/^Ready offline: version 1, \d/);
  await expect(device.getByTestId('storage')).toBeVisible();
  await expectAccessible(device, 'device home, ready offline');
  await waitForServiceWorker(device);

  const v1 = server.query<{ id: string; content_json: string; public_key_jwk: string }>(
    "select v.id, v.content_json, v.public_key_jwk from engagement_versions v join engagements e on e.id = v.engagement_id where e.slug = 'bus-routes'",
  )[0];
  if (!v1) throw new Error('version 1 not stored');
  const clip = JSON.parse(v1.content_json).questions[0].audio.pl.easy as string;
  expect(clip).toMatch(/^\/media\/[0-9a-f]{64}$/);

  // offline: the app, the engagement and its clip all come from the device
  await deviceCtx.setOffline(true);
  await device.reload();
  await expect(device.getByRole('heading', { level: 1, name: 'Outreach device' })).toBeVisible();
  const played = await device.evaluate(async (src) => {
    const res = await fetch(src);
    const audio = new Audio(src);
    await new Promise((resolve, reject) => {
      audio.oncanplaythrough = resolve;
      audio.onerror = () => reject(new Error(`audio error ${audio.error?.code}`));
    });
    return { status: res.status, bytes: (await res.arrayBuffer()).byteLength, duration: audio.duration };
  }, clip);
  expect(played).toEqual({ status: 200, bytes: wav().length, duration: 0.5 });

  await device.getByRole('button', { name: /Start with a participant.*Bus routes/ }).click();
  await device.getByRole('radio', { name: 'Polski' }).check();
  await device.locator('input[name=format][value=easy]').check();
  await expect(device.getByRole('heading', { level: 1, name: 'Autobusy koło Ciebie' })).toBeVisible();
  await device.locator('#main .button.primary').click();
  await device.getByRole('checkbox').check();
  await device.locator('#main .button.primary').click();
  await expect(device.getByRole('heading', { level: 1, name: 'Jeździsz autobusem w każdym tygodniu?' })).toBeVisible();
  await device.locator('#q-q1-yes').check();
  await device.locator('#main .button.primary').click();
  await expect(device.getByText('Autobus 7 do szpitala')).toBeVisible();
  await device.locator('#q-q2-o1').check();
  await device.locator('#main .button.primary').click();
  await device.getByRole('textbox').fill('Częściej w niedziele, proszę');
  await device.locator('#main .button.primary').click();
  // the optional contact and equality monitoring pages (issue 3), left empty
  await expect(device.locator('#contact-email')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await expect(device.locator('#monitoring-area')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await expect(device.locator('.summary')).toBeVisible();
  await device.locator('#main .button.primary').click();
  await expect(device.locator('.reference')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(server.query('select id from bundles')).toHaveLength(0);

  // back online: it syncs by itself, and the organiser sees it under version 1
  await deviceCtx.setOffline(false);
  await expect
    .poll(() => server.query('select id from bundles where engagement_version_id = ?', v1.id).length, { timeout: 20_000 })
    .toBe(1);
  const row = server.query<{ locale: string; format: string; answers_json: string }>('select locale, format, answers_json from bundles')[0];
  expect(row).toMatchObject({ locale: 'pl', format: 'easy' });
  expect(JSON.parse(row?.answers_json ?? '{}')).toMatchObject({ q1: { yesno: 'yes' }, q2: { choice: 'o1' } });
  await staff.goto(`${server.url}/staff/engagements`);
  await staff.getByRole('link', { name: 'Bus routes', exact: true }).click();
  await staff.getByRole('link', { name: 'Publish' }).click();
  await expect(answersOf(staff, 1)).toHaveText('1');

  // edit: a new draft, published as version 2
  await staff.getByRole('link', { name: 'Details' }).click();
  await staff.getByRole('group', { name: 'Title', exact: true }).getByLabel('English (en), standard').fill('Bus routes 2027');
  await staff.getByRole('link', { name: 'Publish' }).click();
  await staff.getByRole('button', { name: 'Publish version 2' }).click();
  await expect(staff.getByTestId('version-2')).toBeVisible();

  // a version-1 bundle still waiting on another device is accepted after version 2 exists
  const origin = { Origin: server.url };
  const other = await (await staffCtx.request.post(`${server.url}/api/staff/devices/codes`, { headers: origin, data: {} })).json();
  const enrolled = await (
    await staffCtx.request.post(`${server.url}/api/devices/enrol`, { data: { code: other.code, name: 'Library tablet' } })
  ).json();
  const v1Engagement = {
    versionId: v1.id,
    publicKey: JSON.parse(v1.public_key_jwk),
    content: JSON.parse(v1.content_json),
  } as PublishedEngagement;
  const item = await sealedItem(v1Engagement, { answers: { q1: { yesno: 'no' } } });
  const res = await staffCtx.request.post(`${server.url}/api/sync/batches`, {
    headers: { Authorization: `Bearer ${enrolled.token}` },
    data: { items: [item] },
  });
  expect((await res.json()).results).toEqual([{ id: item.id, status: 'stored' }]);
  await staff.reload();
  await expect(answersOf(staff, 1)).toHaveText('2');
  await expect(answersOf(staff, 2)).toHaveText('0');
  await deviceCtx.close();
  await staffCtx.close();
});
