import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['**/*.e2e.ts', '**/*.a11y.ts'],
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  // generous: a 2-core CI machine runs two browsers and their servers at once
  timeout: 180_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
    // Recording a trace snapshots the page at every action of every test (about a fifth of the suite's time
    // here), to keep it only when the test fails; CI prints text and keeps no files, so it is off unless
    // asked for: PW_TRACE=retain-on-failure npx playwright test …
    trace: (process.env.PW_TRACE as 'off' | 'on' | 'retain-on-failure' | undefined) ?? 'off',
    screenshot: 'only-on-failure',
  },
});
