import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun, run } from './run.mjs';
import { buildSite, secrets, startCms, startSite } from './stack.mjs';
import { startSiteControl } from './site-control.mjs';

/** The admin panel the journeys drive, and the site's production build. */
export async function buildForBrowserTests(root, { siteUrl, cmsUrl, admin = true }) {
  if (admin) await mustRun('pnpm', ['exec', 'strapi', 'build'], { cwd: join(root, 'cms'), env: { STRAPI_TELEMETRY_DISABLED: 'true' } });
  // A fresh build also starts with an empty page and data cache: no page from an earlier run.
  rmSync(join(root, 'web', process.env.NEXT_DIST_DIR || '.next'), { recursive: true, force: true });
  await buildSite({ cmsUrl, siteUrl });
}

/**
 * Runs the Playwright journeys against a fresh, seeded CMS and a production build of the
 * site, on ports of their own. Returns the counts from Playwright's JSON report.
 */
export async function runBrowserTests(root, { databaseEnv, grep, label = 'e2e', cmsPort = 1338, sitePort = 3100, buildAdmin = true } = {}) {
  const artifacts = join(root, 'e2e-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  console.log(`\n=== ${label}: starting the CMS and the site (logs in ${artifacts}) ===`);
  await buildForBrowserTests(root, { siteUrl, cmsUrl: `http://127.0.0.1:${cmsPort}`, admin: buildAdmin });
  const cms = await startCms({ port: cmsPort, siteUrl, databaseEnv, logFile: join(artifacts, `${label}-cms.log`) });
  let site;
  let control;
  try {
    // The page memory marks its answers, so that the publish journeys can check it had the page before the change.
    const siteOptions = { port: sitePort, cmsUrl: cms.url, siteUrl, logFile: join(artifacts, `${label}-site.log`), extraEnv: { SITE_PAGE_MEMORY_TRACE: '1' } };
    site = await startSite(siteOptions);
    // For the journey that publishes while the site is down (web/e2e/site-down.e2e.spec.ts).
    control = await startSiteControl({ stop: () => site.stop(), start: async () => void (site = await startSite(siteOptions)) });
    const report = join(root, '.test-results', `${label}.json`);
    rmSync(report, { force: true });
    // A subset runs without the projects it would otherwise wait for (see playwright.config.ts).
    const code = await run('pnpm', ['exec', 'playwright', 'test', ...(grep ? ['--grep', grep, '--no-deps'] : [])], {
      cwd: join(root, 'web'),
      env: { SITE_URL: siteUrl, CMS_URL: cms.url, CMS_PID: String(cms.pid), SITE_CONTROL_URL: control.url, ...secrets, PLAYWRIGHT_JSON_OUTPUT_NAME: report, PW_TEST_HTML_REPORT_OPEN: 'never' },
    });
    let stats = { expected: 0, unexpected: 0, skipped: 0, flaky: 0 };
    try {
      stats = JSON.parse(readFileSync(report, 'utf8')).stats;
    } catch {
      stats.unexpected = 1;
    }
    if (stats.unexpected) console.log(`\nBrowser test failures: screenshots and traces are in ${artifacts}`);
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (code !== 0 && !stats.unexpected ? 1 : 0), skipped: stats.skipped };
  } finally {
    control?.close();
    await site?.stop();
    await cms.stop();
  }
}
