// Size budget: the JavaScript a browser really loads for each participant page, measured in Chromium against
// the real server and the built app (run `npm run build` first). Three figures, each from a new browser
// context with a cold HTTP cache and service workers blocked (so nothing comes from a precache):
//   /              a new browser, not enrolled
//   start page     /p/<demo> on an enrolled device
//   question 1     the same, after Start and consent, as a participant gets there
// Every response of resourceType 'script' counts (the entry, module preloads, dynamic imports), as the gzip -9
// size of its decoded body: the figure then does not depend on whether or how the server compresses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { enrolViaUi } from '../tests/support/journey.ts';
import { startServer } from '../tests/support/server-process.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { firstLoadMarkProblems } from './first-load-marks.mjs';

/** the budget of each figure, in KB gzip: 35 for each. i18next, preact and its hooks alone are about 21.5 KB of
 *  it, so the app's own code on a participant's way to question 1 (signals, router, device state, hand-over,
 *  encrypted draft, display options, the steps) has about 13 KB: anything else is import()ed when used. */
const BUDGET_KB = { '/ (not enrolled)': 35, 'participant start page (enrolled)': 35, 'question 1 (enrolled)': 35 };
const IDLE_MS = 500;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Counts requests in flight in a context; idle() resolves once none has been in flight for IDLE_MS. */
function trackNetwork(context) {
  let inFlight = 0;
  let last = Date.now();
  const settle = () => {
    inFlight--;
    last = Date.now();
  };
  context.on('request', () => {
    inFlight++;
    last = Date.now();
  });
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  return async function idle() {
    const deadline = Date.now() + 30_000;
    while (inFlight > 0 || Date.now() - last < IDLE_MS) {
      if (Date.now() > deadline) throw new Error(`network not idle after 30 s (${inFlight} in flight)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

/** Enrols the context as a facilitator does, then empties the HTTP cache so the measured page starts cold;
 *  the device's state (IndexedDB) stays, which is what makes it an enrolled device. Returns the demo's path. */
async function enrol(context, idle, server, code) {
  const page = await context.newPage();
  await enrolViaUi(page, { ...server, enrolCode: code });
  await page
    .getByText(/Ready offline/)
    .first()
    .waitFor();
  await idle();
  // the demo's start page, as Start with a participant opens it (the address itself starts a hand-over too)
  const path = '/p/library-your-say';
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  await page.close();
  return path;
}

async function measure(browser, name, { server, code, open }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const idle = trackNetwork(context);
  const demo = code ? await enrol(context, idle, server, code) : null;
  const sizes = new Map();
  context.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    const url = new URL(res.url()).pathname;
    sizes.set(
      url,
      res.body().then((b) => zlib.gzipSync(b, { level: 9 }).length),
    );
  });
  const page = await context.newPage();
  // the last thing the boot defers is the service worker's registration, which
  // Playwright's blocking answers with this warning: once it is seen, every deferred load has started
  const registered = page.waitForEvent('console', { predicate: (m) => m.text().includes('Service Worker registration blocked') });
  await open(page, `${server.url}${demo ?? '/'}`);
  await registered;
  await idle();
  const files = await Promise.all([...sizes].map(async ([url, size]) => ({ url, size: await size })));
  await context.close();
  // a warm cache would serve the entry without a response: then the figure would be too small to trust
  if (!files.some((f) => /\/assets\/index-[^/]+\.js$/.test(f.url))) throw new Error(`${name}: the entry script was not loaded`);
  files.sort((a, b) => b.size - a.size);
  return { name, files, total: files.reduce((n, f) => n + f.size, 0) };
}

async function openStart(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Your library, your say' }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
}

const markProblems = firstLoadMarkProblems();
const server = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
let results;
try {
  const cli = ['--import', 'tsx', 'src/server/cli.ts', 'enrol-code'];
  const secondCode = /Enrolment code: (\S+)/.exec(
    execFileSync(process.execPath, cli, { env: { ...process.env, DATA_DIR: server.dataDir } }),
  )[1];
  results = [
    await measure(browser, '/ (not enrolled)', {
      server,
      open: async (page, url) => {
        await page.goto(url);
        await page.getByRole('heading', { level: 1, name: 'Welcome to Blether' }).waitFor();
        await page.getByRole('link', { name: 'Set up this device' }).waitFor();
      },
    }),
    await measure(browser, 'participant start page (enrolled)', { server, code: server.enrolCode, open: openStart }),
    await measure(browser, 'question 1 (enrolled)', {
      server,
      code: secondCode,
      open: async (page, url) => {
        await openStart(page, url);
        await page.getByLabel('English').check();
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
        await page.getByLabel('I understand and I want to take part').check();
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByRole('heading', { level: 1, name: 'Have you used the library in the last year?' }).waitFor();
      },
    }),
  ];
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

let over = false;
for (const { name, files, total } of results) {
  console.log(`\n${name}: ${kb(total)} KB gzip of ${BUDGET_KB[name]} KB`);
  for (const f of files) console.log(`  ${kb(f.size).padStart(5)} KB  ${f.url}`);
  if (total > BUDGET_KB[name] * 1024) over = true;
}
console.log(
  `\n${over ? 'OVER BUDGET' : 'Within budget'}: ${results.map((r) => `${kb(r.total)} of ${BUDGET_KB[r.name]}`).join(' / ')} KB gzip`,
);
for (const p of markProblems) console.error(p);
if (over || markProblems.length > 0) process.exit(1);
