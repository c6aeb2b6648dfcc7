#!/usr/bin/env node
/**
 * `pnpm bench:scale`: the site and the CMS on PostgreSQL at demo size and at scale
 * (`pnpm scale`: 1,000 procedures x 3 locales, 200 providers, 5,000 FAQs), side by side:
 *   - p99 of the cached procedure page and of the ProcedureBySlug GraphQL query (the same
 *     demo page in both databases), and their ratio (goal: at most 1.5x);
 *   - the sitemap: URLs, first (uncached) and cached time (goal: cached under 1 s), and
 *     whether every generated procedure is in it;
 *   - a page of the procedures list and of the FAQ page, cached;
 *   - as the demo admin: the Content Manager's procedure list and the medical review page's
 *     two requests (review queue, reviews due) (goal: under 1 s each).
 * Starts a throw-away PostgreSQL (the machine's PostgreSQL 15), seeds the demo database and
 * generates the scale one (minutes), builds the site once, in a copy of web/ of its own (the
 * shared web/.next is left to the browser tests), and runs it against each database in turn
 * from the same clean build. Settings:
 *   BENCH_SECONDS (8), BENCH_CONNECTIONS (10), BENCH_ROUNDS (3: demo and scale alternate, each
 *   figure is the median of its rounds, so both sides see the same background noise), BENCH_PORT_BASE (14100), BENCH_PG_PORT (55510),
 *   BENCH_OUTPUT (e2e-artifacts/bench-scale/results.json; logs and the site's build in .tmp/bench-scale),
 *   SCALE_PROCEDURES / SCALE_PROVIDERS / SCALE_FAQS (as pnpm scale), --packages-built,
 *   --site-built (the site as this script last built it, for the same ports);
 *   BENCH_SCALE_DB=<name>: a PostgreSQL already running on BENCH_PG_PORT (user postgres, no
 *   password) whose database <name> pnpm scale has filled: nothing is generated, and the demo
 *   database is created beside it when missing; BENCH_SCALE_CMS_DIR: the CMS app to run (cms/).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './lib/install.mjs';
import { mustRun } from './lib/run.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { secrets } from './lib/stack.mjs';
import { spawn } from 'node:child_process';
import { load } from './bench/load.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const settings = { seconds: Number(process.env.BENCH_SECONDS ?? 8), warmupSeconds: 2, connections: Number(process.env.BENCH_CONNECTIONS ?? 10), rounds: Number(process.env.BENCH_ROUNDS ?? 3), timedRepeats: 5 };
const portBase = Number(process.env.BENCH_PORT_BASE ?? 14100);
const ports = { cms: portBase + 11, site: portBase + 20 };
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55510);
// Logs and the site's build live in .tmp/ (e2e-artifacts/ is emptied when a browser run starts); results in e2e-artifacts/.
const workDir = join(root, '.tmp', 'bench-scale');
const output = resolve(root, process.env.BENCH_OUTPUT ?? join(root, 'e2e-artifacts', 'bench-scale', 'results.json'));
const GOALS = { p99Ratio: 1.5, sitemapCachedMs: 1000, adminMs: 1000 };
const PROCEDURE = { locale: 'es', slug: 'vertebroplastia-y-cifoplastia' };
// The CMS's demo accounts; their password as the CMS sets it (cms/scripts/demo-password.js).
const { default: domain } = await import(join(root, 'packages/clinic-domain/dist/index.js'));
const ADMIN = { email: 'admin@clinic.test', password: process.env.DEMO_PASSWORD || domain.DEMO_SECRETS.DEMO_PASSWORD };

const started = Date.now();
const progress = (message) => console.log(`[bench:scale ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${message}`);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Wall time of one request that must succeed; its body too. */
async function timed(url, init = {}) {
  const t0 = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = performance.now() - t0;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, text };
}

/** The median of a few timed requests, after one that is not counted (it fills the caches). */
async function settledTime(url, init) {
  const first = await timed(url, init);
  const times = [];
  for (let i = 0; i < settings.timedRepeats; i += 1) times.push((await timed(url, init)).ms);
  return { firstMs: first.ms, medianMs: median(times), text: first.text };
}

async function p99Of(request) {
  await load({ ...request, connections: settings.connections, seconds: settings.warmupSeconds });
  return load({ ...request, connections: settings.connections, seconds: settings.seconds });
}

async function adminToken(cmsUrl) {
  const response = await fetch(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const body = await response.json();
  if (!response.ok || !body.data?.token) throw new Error(`admin login: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.data.token;
}

const cmsDir = resolve(process.env.BENCH_SCALE_CMS_DIR ?? join(root, 'cms'));

/** The CMS (scripts/serve.js, as pnpm start runs it) on one database; it seeds the demo into an empty one. */
async function startCms({ databaseEnv, siteUrl, logFile }) {
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(ports.cms), STRAPI_TELEMETRY_DISABLED: 'true', STRAPI_LOG_LEVEL: 'warn', SERVE_ADMIN_PANEL: 'false', SITE_URL: siteUrl, ADMIN_RATE_LIMIT: 'false', CLINIC_WEBHOOK_URLS: `${siteUrl}/api/revalidate`, ...secrets, ...databaseEnv };
  const child = spawn('node', ['scripts/serve.js'], { cwd: cmsDir, env, stdio: ['ignore', out, out] });
  const url = `http://127.0.0.1:${ports.cms}`;
  await waitUntilUp(`${url}/_health`, child, logFile);
  return { url, stop: () => stopChild(child) };
}

async function waitUntilUp(url, child, logFile) {
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode} (see ${logFile})`);
    if (tries > 900) throw new Error(`${url} did not answer`);
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

const siteDir = join(workDir, 'site');
const nextBin = join(siteDir, 'node_modules/next/dist/bin/next');

/** A copy of the site's sources beside the workspace's installed packages, built on its own. */
async function buildPrivateSite({ cmsUrl, siteUrl }) {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  for (const entry of ['src', 'messages', 'cache-handler', 'next.config.ts', 'server.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, 'web', entry), join(siteDir, entry), { recursive: true });
  symlinkSync(join(root, 'web/node_modules'), join(siteDir, 'node_modules'));
  await mustRun('node', [nextBin, 'build'], { cwd: siteDir, env: { NEXT_TELEMETRY_DISABLED: '1', CMS_URL: cmsUrl, SITE_URL: siteUrl } });
}

async function startPrivateSite({ cmsUrl, siteUrl, logFile }) {
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const child = spawn('node', ['server.mjs', '-p', String(ports.site), '-H', '127.0.0.1'], { cwd: siteDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CMS_URL: cmsUrl, SITE_URL: siteUrl, ...secrets }, stdio: ['ignore', out, out] });
  await waitUntilUp(`${siteUrl}/robots.txt`, child, logFile);
  return { stop: () => stopChild(child) };
}

/** Everything measured against one database. */
async function measure(label, { databaseEnv, siteUrl, cleanBuild }) {
  progress(`${label}: starting the CMS and the site`);
  // The same clean build for each database: no page or data cached from the other one.
  rmSync(join(siteDir, '.next'), { recursive: true, force: true });
  cpSync(cleanBuild, join(siteDir, '.next'), { recursive: true });
  const cms = await startCms({ siteUrl, databaseEnv, logFile: join(workDir, `${label}-cms.log`) });
  let site;
  try {
    site = await startPrivateSite({ cmsUrl: cms.url, siteUrl, logFile: join(workDir, `${label}-site.log`) });
    const result = { label };

    progress(`${label}: sitemap`);
    const sitemap = await settledTime(`${siteUrl}/sitemap.xml`);
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    result.sitemap = { urls: locs.length, procedureUrls: locs.filter((u) => /\/procedures\/[^/]+$/.test(u)).length, bytes: Buffer.byteLength(sitemap.text), firstMs: sitemap.firstMs, cachedMs: sitemap.medianMs };

    progress(`${label}: list pages`);
    const list = await settledTime(`${siteUrl}/en/procedures/page/2`).catch(() => settledTime(`${siteUrl}/en/procedures`));
    const faq = await settledTime(`${siteUrl}/en/faq`);
    // A page that cannot exist is a 404 (never a 500); page 1 has one address.
    const statusOf = async (path) => (await fetch(`${siteUrl}${path}`, { redirect: 'manual' })).status;
    result.pageStatuses = {};
    for (const path of ['/en/procedures/page/2', '/en/procedures/page/1', '/en/procedures/page/0', '/en/procedures/page/abc', '/en/procedures/page/9999', '/en/faq/page/2', '/en/faq/page/-1']) result.pageStatuses[path] = await statusOf(path);
    result.lists = { proceduresPageCachedMs: list.medianMs, proceduresPageBytes: Buffer.byteLength(list.text), faqPageCachedMs: faq.medianMs, faqPageBytes: Buffer.byteLength(faq.text) };

    progress(`${label}: cached procedure page (${settings.seconds} s)`);
    const pageUrl = `${siteUrl}/${PROCEDURE.locale}/procedures/${PROCEDURE.slug}`;
    await timed(pageUrl);
    result.page = await p99Of({ url: pageUrl });

    progress(`${label}: GraphQL ProcedureBySlug (${settings.seconds} s)`);
    const operations = readFileSync(join(root, 'web/src/lib/cms/operations/procedure.graphql'), 'utf8');
    const graphql = { url: `${cms.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: operations, operationName: 'ProcedureBySlug', variables: PROCEDURE }) };
    await timed(graphql.url, graphql);
    result.query = await p99Of(graphql);

    progress(`${label}: admin requests`);
    const token = await adminToken(cms.url);
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const admin = {};
    const cmList = await settledTime(`${cms.url}/content-manager/collection-types/plugin::clinic.procedure?page=1&pageSize=10&sort=title:ASC&locale=en`, auth);
    admin.contentManagerProcedures = { medianMs: cmList.medianMs, total: JSON.parse(cmList.text).pagination?.total ?? null };
    const queue = await settledTime(`${cms.url}/clinic/review-queue`, auth);
    admin.reviewQueue = { medianMs: queue.medianMs, items: JSON.parse(queue.text).data?.length ?? null };
    const due = await settledTime(`${cms.url}/clinic/reviews-due`, auth);
    admin.reviewsDue = { medianMs: due.medianMs, items: JSON.parse(due.text).data?.length ?? null };
    result.admin = admin;
    return result;
  } finally {
    await site?.stop();
    await cms.stop();
  }
}

async function createDatabases(env, names, { ifMissing = false } = {}) {
  // pg is the CMS's dependency, not the workspace root's.
  const { default: pg } = await import(join(root, 'cms/node_modules/pg/lib/index.js'));
  const client = new pg.Client({ host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, database: 'postgres' });
  await client.connect();
  try {
    for (const name of names) {
      if (ifMissing && (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) continue;
      await client.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  mkdirSync(workDir, { recursive: true });
  if (!process.argv.includes('--packages-built')) {
    progress('building the packages');
    await buildPackages(root);
  }
  const existing = process.env.BENCH_SCALE_DB;
  const postgres = existing
    ? { env: { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: String(pgPort), DATABASE_USERNAME: 'postgres', DATABASE_PASSWORD: '' }, stop: async () => {} }
    : await startPostgres({ port: pgPort });
  if (!postgres) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql); bench:scale measures on PostgreSQL.');
  const stops = [() => postgres.stop()];
  try {
    await createDatabases(postgres.env, existing ? ['clinic_demo'] : ['clinic_demo', 'clinic_scale'], { ifMissing: Boolean(existing) });
    const demoEnv = { ...postgres.env, DATABASE_NAME: 'clinic_demo' };
    const scaleEnv = { ...postgres.env, DATABASE_NAME: existing ?? 'clinic_scale' };

    let generationSeconds = null;
    if (!existing) {
      progress('generating the scale database (pnpm scale)');
      const generation = Date.now();
      await mustRun('node', ['scripts/generate-scale.js'], { cwd: cmsDir, env: { ...scaleEnv, STRAPI_LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' } });
      generationSeconds = (Date.now() - generation) / 1000;
    }

    const siteUrl = `http://127.0.0.1:${ports.site}`;
    const cleanBuild = join(workDir, 'clean-next');
    if (!process.argv.includes('--site-built')) {
      progress('building the site');
      await buildPrivateSite({ siteUrl, cmsUrl: `http://127.0.0.1:${ports.cms}` });
      rmSync(cleanBuild, { recursive: true, force: true });
      cpSync(join(siteDir, '.next'), cleanBuild, { recursive: true });
    }

    // The demo database is seeded by the CMS's first start (scripts/serve.js).
    const rounds = { demo: [], scale: [] };
    for (let round = 1; round <= settings.rounds; round += 1) {
      progress(`round ${round}/${settings.rounds}`);
      rounds.demo.push(await measure('demo', { databaseEnv: demoEnv, siteUrl, cleanBuild }));
      const scaleRound = await measure('scale', { databaseEnv: scaleEnv, siteUrl, cleanBuild });
      // A scale figure from a database that is not at scale would be a comparison of two demos.
      const procedures = scaleRound.admin.contentManagerProcedures.total;
      if (!(procedures > 100)) throw new Error(`the scale database holds ${procedures} procedures in English; fill it with pnpm scale first`);
      rounds.scale.push(scaleRound);
    }
    const demo = medianOf(rounds.demo);
    const scale = medianOf(rounds.scale);
    const results = { settings, goals: GOALS, generationSeconds, demo, scale, rounds, measuredAt: new Date().toISOString() };
    report(results);
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
    progress(`written to ${output}`);
  } finally {
    for (const stop of stops) await stop();
  }
}

/** Rounds of the same shape folded into one: each number the median of its rounds, anything else the first round's. */
function medianOf(results) {
  const [first] = results;
  if (typeof first === 'number') return median(results);
  if (!first || typeof first !== 'object') return first;
  return Object.fromEntries(Object.keys(first).map((key) => [key, medianOf(results.map((r) => r[key]))]));
}

const fixed = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const verdict = (ok) => (ok ? 'met' : 'MISSED');

function report({ demo, scale, generationSeconds }) {
  const rows = [
    ['', 'demo', 'scale', 'ratio / goal'],
    ['cached procedure page p99 ms', fixed(demo.page.p99, 1), fixed(scale.page.p99, 1), `${fixed(scale.page.p99 / demo.page.p99, 2)}x (<= ${GOALS.p99Ratio}x: ${verdict(scale.page.p99 <= GOALS.p99Ratio * demo.page.p99)})`],
    ['GraphQL ProcedureBySlug p99 ms', fixed(demo.query.p99, 1), fixed(scale.query.p99, 1), `${fixed(scale.query.p99 / demo.query.p99, 2)}x (<= ${GOALS.p99Ratio}x: ${verdict(scale.query.p99 <= GOALS.p99Ratio * demo.query.p99)})`],
    ['  req/s page / query', `${fixed(demo.page.reqPerSec)} / ${fixed(demo.query.reqPerSec)}`, `${fixed(scale.page.reqPerSec)} / ${fixed(scale.query.reqPerSec)}`, `errors ${demo.page.errors + demo.query.errors} / ${scale.page.errors + scale.query.errors}`],
    ['sitemap URLs (procedure URLs)', `${demo.sitemap.urls} (${demo.sitemap.procedureUrls})`, `${scale.sitemap.urls} (${scale.sitemap.procedureUrls})`, `${fixed(scale.sitemap.bytes / 1024)} kB`],
    ['sitemap first / cached ms', `${fixed(demo.sitemap.firstMs)} / ${fixed(demo.sitemap.cachedMs)}`, `${fixed(scale.sitemap.firstMs)} / ${fixed(scale.sitemap.cachedMs)}`, `cached < ${GOALS.sitemapCachedMs} ms: ${verdict(scale.sitemap.cachedMs < GOALS.sitemapCachedMs)}`],
    ['procedures list page, cached ms', fixed(demo.lists.proceduresPageCachedMs, 1), fixed(scale.lists.proceduresPageCachedMs, 1), `${fixed(scale.lists.proceduresPageBytes / 1024)} kB`],
    ['FAQ page 1, cached ms', fixed(demo.lists.faqPageCachedMs, 1), fixed(scale.lists.faqPageCachedMs, 1), `${fixed(scale.lists.faqPageBytes / 1024)} kB`],
    ...[
      ['admin: Content Manager procedures ms', 'contentManagerProcedures'],
      ['admin: review queue ms', 'reviewQueue'],
      ['admin: reviews due ms', 'reviewsDue'],
    ].map(([name, key]) => [name, fixed(demo.admin[key].medianMs), fixed(scale.admin[key].medianMs), `< ${GOALS.adminMs} ms: ${verdict(scale.admin[key].medianMs < GOALS.adminMs)}`]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\npage statuses at scale: ${Object.entries(scale.pageStatuses).map(([path, status]) => `${path} ${status}`).join(', ')}`);
  console.log(`\ngenerating the scale database (pnpm scale): ${generationSeconds === null ? 'not in this run (BENCH_SCALE_DB)' : `${fixed(generationSeconds)} s`}\n`);
}

main().catch((error) => {
  console.error(`\nbench:scale failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
