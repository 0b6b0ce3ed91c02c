import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the running demo (scripts/test.sh starts it first), in
 * Debian's Chromium: no browser is downloaded.
 *
 * Journeys that change the fleet (wizards) run after the ones that read it, so the read
 * journeys see the demo as it starts (7 clusters, its slices and tunnels) whatever the
 * wizards add. Each writing journey uses names of its own, so a re-run passes too.
 */
const WRITES =
  /(createSlice|deleteSlice|exportService|onboardNamespace|registerCluster|scaffolder)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'artifacts/playwright-results.json' }],
  ],
  outputDir: 'artifacts/playwright-output',
  projects: [
    { name: 'reads', testIgnore: WRITES },
    { name: 'writes', testMatch: WRITES, dependencies: ['reads'] },
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    // Backstage pages scroll inside their own container, so full-page screenshots need a tall viewport.
    viewport: { width: 1440, height: 1800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
