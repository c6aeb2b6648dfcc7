#!/usr/bin/env node
/**
 * Lighthouse scores of the patient site in Debian's Chromium: for each page (home, a procedure,
 * a provider, the FAQ), the four categories on mobile and on desktop (Lighthouse's own mobile and
 * desktop settings, simulated throttling), each the median of N runs, with the machine's load
 * average, which moves the performance score on a busy machine. Exits 1 when accessibility, SEO
 * or best practices is under 100 on a page (LIGHTHOUSE_MIN to change); performance is reported,
 * not checked, as it depends on the machine.
 *
 *   node scripts/lighthouse.mjs --stack           # builds (into .next-lh) and starts its own CMS and site
 *   node scripts/lighthouse.mjs --stack --no-build  # the same, on the build already in .next-lh
 *   SITE_URL=http://127.0.0.1:3100 node scripts/lighthouse.mjs   # a site already running
 *
 * Options: --runs N (LIGHTHOUSE_RUNS, 3), --mobile / --desktop (both unless one is named),
 * --pages /es,/es/faq (the pages below unless named), --details (the performance audits that
 * lose points, and the LCP element, for each page's median run), --json FILE (everything as JSON).
 * Ports with --stack: LIGHTHOUSE_PORT_BASE (15900: the site on +0, the CMS on +37, Chromium on +50).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const flag = (name) => args.includes(name);

const DEFAULT_PAGES = ['/es', '/es/procedures/vertebroplastia-y-cifoplastia', '/es/providers/thomas-stauss', '/es/faq'];
const PAGES = option('--pages')?.split(',') ?? DEFAULT_PAGES;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The categories that do not depend on the machine, so a run can insist on them. */
const CHECKED = ['accessibility', 'best-practices', 'seo'];
const MIN = Number(process.env.LIGHTHOUSE_MIN ?? 100);
const RUNS = Math.max(1, Number(option('--runs') ?? process.env.LIGHTHOUSE_RUNS ?? 3));
const FORM_FACTORS = flag('--mobile') || flag('--desktop') ? ['mobile', 'desktop'].filter((f) => flag(`--${f}`)) : ['mobile', 'desktop'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT_BASE = Number(process.env.LIGHTHOUSE_PORT_BASE ?? 15900);
const DEBUG_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? PORT_BASE + 50);

/** Mobile is Lighthouse's default configuration (Moto G Power, slow 4G, 4x CPU slowdown). */
const CONFIGS = { mobile: undefined, desktop: desktopConfig };

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

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
  // Its own build directory, so that it never replaces the build the tests or a demo serve.
  process.env.NEXT_DIST_DIR ??= '.next-lh';
  const { buildForBrowserTests } = await import('../../scripts/lib/e2e.mjs');
  const { startCms, startSite } = await import('../../scripts/lib/stack.mjs');
  const root = new URL('../..', import.meta.url).pathname;
  const siteUrl = `http://127.0.0.1:${PORT_BASE}`;
  const cmsUrl = `http://127.0.0.1:${PORT_BASE + 37}`;
  if (!flag('--no-build')) await buildForBrowserTests(root, { siteUrl, cmsUrl, admin: false });
  const logs = join(root, 'e2e-artifacts');
  const cms = await startCms({ port: PORT_BASE + 37, siteUrl, adminPanel: false, logFile: join(logs, 'lighthouse-cms.log') });
  try {
    const site = await startSite({ port: PORT_BASE, cmsUrl: cms.url, siteUrl, logFile: join(logs, 'lighthouse-site.log') });
    return { siteUrl, stop: async () => (await site.stop(), await cms.stop()) };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}

/** The performance audits that cost points, worst first, and where the LCP's time went. */
function performanceDetails(lhr) {
  const lines = [];
  const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcp) lines.push(`LCP element: ${lcp.snippet}`);
  const phases = lhr.audits['largest-contentful-paint-element']?.details?.items?.[1]?.items;
  if (phases) lines.push(`LCP phases: ${phases.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(', ')}`);
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const audit = lhr.audits[id];
    if (audit) lines.push(`${audit.title}: ${audit.displayValue} (score ${audit.score})`);
  }
  for (const audit of Object.values(lhr.audits)) {
    const savings = audit.details?.overallSavingsMs ?? audit.metricSavings?.LCP ?? 0;
    if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && savings > 0) {
      lines.push(`not passed: ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return lines;
}

const stack = flag('--stack') ? await startStack() : null;
const siteUrl = stack?.siteUrl ?? (process.env.SITE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const chromium = await startChromium();
const results = [];
const loadBefore = load();
let failed = false;
try {
  console.log(`Lighthouse ${createRequire(import.meta.url)('lighthouse/package.json').version}, ${siteUrl}, median of ${RUNS} run(s); load average ${loadBefore} (1, 5, 15 min)`);
  for (const path of PAGES) {
    // Once first, so that Lighthouse measures the cached page a visitor gets.
    await fetch(`${siteUrl}${path}`);
    for (const formFactor of FORM_FACTORS) {
      const runs = [];
      // A run Lighthouse could not finish (a timeout on a loaded machine) scores 0: it is noted and run again.
      for (let attempt = 0; runs.length < RUNS; attempt++) {
        if (attempt >= RUNS * 2) throw new Error(`${path} ${formFactor}: Lighthouse failed ${attempt - runs.length} of ${attempt} runs`);
        const { lhr } = await lighthouse(`${siteUrl}${path}`, { port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, CONFIGS[formFactor]);
        if (lhr.runtimeError || CATEGORIES.some((c) => typeof lhr.categories[c]?.score !== 'number')) {
          console.log(`  ${path} ${formFactor}: run not finished (${lhr.runtimeError?.message ?? 'a category without a score'}), running it again`);
          continue;
        }
        runs.push({ lhr, load: loadavg()[0] });
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => Math.round((r.lhr.categories[c]?.score ?? 0) * 100)))]));
      const performanceRuns = runs.map((r) => Math.round(r.lhr.categories.performance.score * 100));
      const loads = runs.map((r) => r.load.toFixed(1));
      results.push({ path, formFactor, scores, performanceRuns, loads });
      console.log(`${path} ${formFactor}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}  (performance runs ${performanceRuns.join(', ')}; load ${loads.join(', ')})`);
      // The median run by performance, for the details and the audits that are not passed.
      const typical = [...runs].sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score)[Math.floor((runs.length - 1) / 2)].lhr;
      if (flag('--details')) for (const line of performanceDetails(typical)) console.log(`  ${line}`);
      for (const category of CHECKED) {
        if (scores[category] >= MIN) continue;
        failed = true;
        for (const ref of typical.categories[category].auditRefs) {
          const audit = typical.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${category}, not passed: ${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ''}`);
        }
      }
    }
  }
} finally {
  await chromium.stop();
  await stack?.stop();
}
console.log(`Load average ${loadBefore} before, ${load()} after.`);
if (option('--json')) writeFileSync(option('--json'), JSON.stringify({ siteUrl, runs: RUNS, loadBefore, loadAfter: load(), results }, null, 2));
console.log(failed ? `${CHECKED.join(', ')}: under ${MIN} on a page above.` : `${CHECKED.join(', ')}: at least ${MIN} on every page.`);
process.exit(failed ? 1 : 0);
