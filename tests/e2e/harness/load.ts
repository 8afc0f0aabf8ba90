/** Bundles the harness (tests/e2e/harness/entry.ts) once and loads it into pages on the app's origin. */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from './entry';

let code: Promise<string> | null = null;

export function harnessCode(): Promise<string> {
  // esbuild comes with tsx (a dependency): the same compiler that runs the server in tests
  code ??= import('esbuild').then(async (esbuild) => {
    const out = await esbuild.build({
      entryPoints: [path.join(import.meta.dirname, 'entry.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      define: { 'import.meta.env.DEV': 'false' },
    });
    return out.outputFiles[0]?.text ?? '';
  });
  return code;
}

/**
 * Opens a blank page on the app's origin (no app, no triggers) with the harness loaded. Needs a context
 * with `bypassCSP: true`, since the harness goes in as an inline script.
 */
export async function harnessPage(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}/__harness`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>harness</title>' }),
  );
  await page.goto(`${origin}/__harness`);
  // a route left in place sends every later request (bodies included) through Playwright's process
  await page.unrouteAll();
  await loadHarness(page);
}

export async function loadHarness(page: Page): Promise<void> {
  await page.addScriptTag({ content: await harnessCode() });
}

/** Calls one harness function in the page. */
export function h<K extends keyof Harness>(page: Page, name: K, ...args: Parameters<Harness[K]>): Promise<Awaited<ReturnType<Harness[K]>>> {
  return page.evaluate(
    ([n, a]) =>
      (globalThis as unknown as { __blether: Record<string, (...x: unknown[]) => unknown> }).__blether[n as string]?.(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Harness[K]>>>;
}
