import { defineConfig } from '@playwright/test';

/**
 * Journeys across several site instances sharing Redis, started by `pnpm topology --test`
 * (scripts/topology.mjs), which passes the instances in SITE_URLS.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/shared-cache.e2e.spec.ts',
  outputDir: '../e2e-artifacts/topology',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
