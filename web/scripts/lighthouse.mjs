#!/usr/bin/env node
/**
 * Lighthouse scores of the home page and a procedure page, in Debian's Chromium: prints each
 * category's score and every best-practices audit that is not a pass, and exits 1 when
 * best practices is under 100 (LIGHTHOUSE_MIN_BEST_PRACTICES to change). No timing is checked.
 *
 *   node scripts/lighthouse.mjs --stack       # builds and starts its own CMS and site (ports 14237, 14200)
 *   SITE_URL=http://127.0.0.1:3100 node scripts/lighthouse.mjs   # a site already running
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

const PAGES = ['/en', '/en/procedures/vertebroplasty-and-kyphoplasty'];
const CATEGORIES = ['best-practices', 'accessibility', 'seo', 'performance'];
const MIN = Number(process.env.LIGHTHOUSE_MIN_BEST_PRACTICES ?? 100);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEBUG_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? 14150);

async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${DEBUG_PORT}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', 'about:blank'], { stdio: 'ignore' });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || tries > 100) throw new Error(`Chromium (${CHROMIUM}) did not open its debugging port ${DEBUG_PORT}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function startStack() {
  const { buildForBrowserTests } = await import('../../scripts/lib/e2e.mjs');
  const { startCms, startSite } = await import('../../scripts/lib/stack.mjs');
  const root = new URL('../..', import.meta.url).pathname;
  const siteUrl = 'http://127.0.0.1:14200';
  if (!process.argv.includes('--no-build')) await buildForBrowserTests(root, { siteUrl, cmsUrl: 'http://127.0.0.1:14237', admin: false });
  const cms = await startCms({ port: 14237, siteUrl, adminPanel: false });
  try {
    const site = await startSite({ port: 14200, cmsUrl: cms.url, siteUrl });
    return { siteUrl, stop: async () => (await site.stop(), await cms.stop()) };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}

const stack = process.argv.includes('--stack') ? await startStack() : null;
const siteUrl = stack?.siteUrl ?? (process.env.SITE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const chromium = await startChromium();
let failed = false;
try {
  for (const path of PAGES) {
    // Once first, so that Lighthouse measures the cached page a visitor gets.
    await fetch(`${siteUrl}${path}`);
    const { lhr } = await lighthouse(`${siteUrl}${path}`, { port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, formFactor: 'desktop', screenEmulation: { disabled: true } });
    const scores = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join(', ');
    console.log(`${path}: ${scores}`);
    for (const ref of lhr.categories['best-practices'].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  best practices, not passed: ${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ''}`);
    }
    if (Math.round(lhr.categories['best-practices'].score * 100) < MIN) failed = true;
  }
} finally {
  await chromium.stop();
  await stack?.stop();
}
console.log(failed ? `Best practices under ${MIN} on a page above.` : `Best practices at least ${MIN} on every page.`);
process.exit(failed ? 1 : 0);
