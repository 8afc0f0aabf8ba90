import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe over the page as it is now; fails with a readable list of what it found. */
export async function expectAccessible(page: Page, state: string, extraTags: string[] = []): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS, ...extraTags]).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(found, `axe on "${state}"`).toEqual([]);
}
