import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/support/chromium';
import { STANDALONE_SPECS } from './e2e/support/projects';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // The specs share one mock of WeCom whose state (identity, faults, counters) they set.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Traces and screenshots of failures; the JSON report lives here too, so it is not wiped.
  outputDir: 'test-results/playwright',
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
  },
  projects: [
    // Every spec against `next start` instances, each configured as its spec needs.
    { name: 'app' },
    // The core flows again against .next/standalone/server.js, what the Docker image runs.
    { name: 'standalone', testMatch: STANDALONE_SPECS },
  ],
});
