/**
 * The suite's one axe check. axe is injected once per page and run in place: the app is a single-page
 * app, so injecting it again for every state (as AxeBuilder does) would triple the run time on a small
 * machine. A navigation loads a fresh page, and axe is injected again there.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe over the page as it is now; fails with a readable list of what it found. */
export async function expectAccessible(page: Page, state: string, extraTags: string[] = []): Promise<void> {
  // a screen is there when its heading is: right after a navigation the app may not have mounted yet
  await expect(page.locator('#main h1').first(), `a screen's heading before axe on "${state}"`).toBeVisible();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const results = (await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values },
        resultTypes: ['violations'],
      }),
    [...AXE_TAGS, ...extraTags],
  )) as AxeResults;
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(found, `axe on "${state}"`).toEqual([]);
}
