import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium against a running CMS and site (started by
 * scripts/e2e.mjs or `pnpm test`). Screenshots and traces of failures go to e2e-artifacts/.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.spec.ts',
  outputDir: '../e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '../.test-results/e2e.json' }]],
  // In order: the patient site on the demo content, then the editorial journey (which changes
  // content), then changes reaching cached pages (which unpublish and delete), then the CMS
  // outage (which stops the CMS).
  projects: [
    // Reads only, on two site instances of its own; first, before any journey changes content.
    { name: 'edge-fast-path', testMatch: '**/edge-fast-path.e2e.spec.ts' },
    { name: 'site', testMatch: '**/site.e2e.spec.ts' },
    // Edits drafts (never published) and puts them back; before the CMS outage.
    { name: 'preview-revision', testMatch: '**/preview-revision.e2e.spec.ts', dependencies: ['site'] },
    // Reads only; before the CMS outage.
    { name: 'language-assistance', testMatch: '**/language-assistance.e2e.spec.ts' },
    // Two admin sessions on one FAQ draft (put back afterwards); before the CMS outage.
    { name: 'concurrent-draft-saves', testMatch: '**/concurrent-draft-saves.e2e.spec.ts', dependencies: ['site'] },
    // Reading levels in the admin, the overdue notice across languages (needs the demo's overdue page, which review-journey re-confirms), an FAQ of no procedure in preview.
    { name: 'clinical-rules', testMatch: '**/clinical-rules.e2e.spec.ts', dependencies: ['site'] },
    { name: 'review-journey', testMatch: '**/review-journey.e2e.spec.ts', dependencies: ['site', 'clinical-rules'] },
    { name: 'live-changes', testMatch: '**/live-changes.e2e.spec.ts', dependencies: ['review-journey'] },
    // Stops and starts the site; after the journeys that publish, before the CMS outage.
    { name: 'site-down', testMatch: '**/site-down.e2e.spec.ts', dependencies: ['live-changes'] },
    { name: 'cms-down', testMatch: '**/cms-down.e2e.spec.ts', dependencies: ['edge-fast-path', 'concurrent-draft-saves', 'stored-content', 'live-changes', 'site-down', 'preview-revision', 'language-assistance', 'bad-input', 'security-headers'] },
    // Reads only; before the CMS outage, so that pages are answered by a running CMS.
    { name: 'bad-input', testMatch: '**/bad-input*.e2e.spec.ts' },
    // Writes script payloads into every text field: after every journey that reads the demo text.
    { name: 'stored-content', testMatch: '**/stored-content.e2e.spec.ts', dependencies: ['live-changes', 'site-down', 'preview-revision', 'language-assistance', 'bad-input', 'security-headers'] },
    // Reads only (and one preview, which changes nothing); before the CMS outage.
    { name: 'security-headers', testMatch: '**/security-headers.e2e.spec.ts' },
    { name: 'production-secrets', testMatch: '**/production-secrets.e2e.spec.ts' },
  ],
  use: {
    baseURL: process.env.SITE_URL ?? 'http://127.0.0.1:3100',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: process.env.HEADED !== '1',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
