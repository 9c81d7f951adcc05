import { defineConfig } from '@playwright/test';

// Playwright's own browser download cannot work here: drive the Debian Chromium instead.
const executablePath = process.env.PW_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 2799);

export default defineConfig({
  testDir: 'e2e',
  // Generous: a CI machine with 2 cores runs every step as a real process; a slow run must not fail a test.
  timeout: 180_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT ?? 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // A fresh data directory per run: the test sees exactly what a first start shows.
    command: `rm -rf .capstan-test/e2e && sh scripts/start.sh --port ${port} --data-dir .capstan-test/e2e`,
    url: `http://127.0.0.1:${port}/api/v1/version`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
