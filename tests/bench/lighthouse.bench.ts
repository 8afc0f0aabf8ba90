/**
 * `npm run bench:lighthouse` (a benchmark, not a test): Lighthouse's mobile audit (its default: a mid-range
 * phone on a slow 4G link, simulated) of the participant's pages, served by the real server (SQLite) from the
 * built app, in Debian's Chromium. Three pages, each loaded with a cold HTTP cache and no service worker:
 *   /                   a new browser (Lighthouse clears the origin's storage first)
 *   start page          /p/<demo> on an enrolled device (its IndexedDB kept, everything else cleared)
 *   question 1          the same device after Start and consent, reloaded there (the hand-over keeps the step)
 * LH_REPORTS=dir writes each page's whole Lighthouse report (JSON) and its trace (for DevTools' Performance panel) there.
 * Bars (DESIGN.md quality bars): performance at least 0.95 and accessibility 1.0 on each; a miss exits non-zero.
 * Prints a table, then as its last line one JSON object with the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import lighthouse from 'lighthouse';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { enrolViaUi } from '../support/journey';
import { freePort, startServer } from '../support/server-process';

/**
 * The whole browser, not the headless shell the tests prefer (`chromiumPath`): a phone runs the whole browser,
 * and the shell, with less of the rendering pipeline, reports far less blocking time (all three pages 1.00 in
 * it on the same build the same hour). `CHROMIUM_PATH` still chooses.
 */
const browserPath = () => process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : chromiumPath());

const BARS = { performance: 0.95, accessibility: 1 };
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The page's origin as a returning device has it, minus what would make the load warm: HTTP cache, service
 *  worker and its caches. IndexedDB (enrolment, the hand-over and its draft) stays. */
async function coldButEnrolled(context: BrowserContext, page: Page, origin: string): Promise<void> {
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'cache_storage,service_workers' });
  await cdp.detach();
}

async function audit(port: number, url: string, keepStorage: boolean) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (process.env.LH_REPORTS) {
    fs.mkdirSync(process.env.LH_REPORTS, { recursive: true });
    const file = path.join(process.env.LH_REPORTS, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}-${Date.now()}`);
    fs.writeFileSync(`${file}.json`, JSON.stringify(lhr));
    // the page load's Chromium trace, for DevTools' Performance panel (what the long tasks were)
    fs.writeFileSync(`${file}.trace.json`, JSON.stringify(result.artifacts.Trace));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const failing = Object.values(lhr.audits)
    .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
    .map((a) => a.id);
  return {
    performance: lhr.categories.performance?.score ?? 0,
    accessibility: lhr.categories.accessibility?.score ?? 0,
    accessibility_failing: failing,
    ms: Object.fromEntries(METRICS.map((m) => [m, Math.round((lhr.audits[m]?.numericValue ?? 0) * 1000) / 1000])),
    warnings: lhr.runWarnings,
  };
}

async function main() {
  buildIfStale();
  const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-lh-'));
  // Lighthouse drives the browser through the DevTools port, in the browser's default context: a persistent
  // context is that context, so the device enrolled here is the one Lighthouse loads
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath(),
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  const results: Record<string, Awaited<ReturnType<typeof audit>>> = {};
  try {
    const origin = server.url;
    results['/ (new browser)'] = await audit(port, `${origin}/`, false);

    const page = context.pages()[0] ?? (await context.newPage());
    await enrolViaUi(page, server);
    await page
      .getByText(/Ready offline/)
      .first()
      .waitFor();
    await page.goto(`${origin}/p/library-your-say`);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    await coldButEnrolled(context, page, origin);
    results['participant start page'] = await audit(port, page.url(), true);

    await page.reload();
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByLabel('I understand and I want to take part').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Have you used the library in the last year?' }).waitFor();
    await page.locator('html[data-draft="saved"]').waitFor();
    await coldButEnrolled(context, page, origin);
    results['question 1'] = await audit(port, page.url(), true);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  }

  console.log(`\nLighthouse ${'(mobile, simulated slow 4G)'} on the participant pages, ${new Date().toISOString()}\n`);
  const w = Math.max(...Object.keys(results).map((k) => k.length));
  console.log(`  ${'page'.padEnd(w)}  perf  a11y   FCP ms   LCP ms   TBT ms    CLS`);
  let missed = false;
  for (const [name, r] of Object.entries(results)) {
    const m = r.ms;
    console.log(
      `  ${name.padEnd(w)}  ${r.performance.toFixed(2)}  ${r.accessibility.toFixed(2)}  ${String(Math.round(m['first-contentful-paint'] ?? 0)).padStart(7)}  ${String(Math.round(m['largest-contentful-paint'] ?? 0)).padStart(7)}  ${String(Math.round(m['total-blocking-time'] ?? 0)).padStart(7)}  ${(m['cumulative-layout-shift'] ?? 0).toFixed(3).padStart(5)}`,
    );
    if (r.accessibility_failing.length > 0) console.log(`    accessibility audits not passed: ${r.accessibility_failing.join(', ')}`);
    if (r.performance < BARS.performance || r.accessibility < BARS.accessibility) missed = true;
  }
  console.log(`\n  bars (performance >= ${BARS.performance}, accessibility ${BARS.accessibility}): ${missed ? 'MISSED' : 'all met'}`);
  console.log(JSON.stringify(results));
  if (missed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
