/**
 * axe injected once per page and run in place: the journey is a single-page app, so re-injecting axe
 * for every state (as AxeBuilder does) would triple the run time on a small machine. Same rules and tags.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { AXE_TAGS } from '../support/axe';

const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeCheck(page: Page, state: string, extraTags: string[] = []): Promise<void> {
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
