import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['**/*.e2e.ts', '**/*.a11y.ts'],
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // generous: a 2-core CI machine runs two browsers and their servers at once
  timeout: 180_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
