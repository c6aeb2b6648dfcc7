#!/usr/bin/env node
/**
 * `pnpm topology`: the site as it runs behind a load balancer. Redis (Debian's redis-server,
 * started here unless REDIS_URL is set), the CMS (seeded, on a throw-away SQLite database) and
 * two `next start` instances of one build sharing Next's cache through Redis. The CMS's
 * webhook reaches the first instance only, as a load balancer would send it to one: the other
 * learns of every revalidation through Redis. Ctrl-C stops everything.
 *
 *   pnpm topology                 # admin and site builds, then serve (site :3000 and :3001, CMS :1337)
 *   pnpm topology --no-build      # serve the builds already there
 *   pnpm topology --test          # on spare ports: runs web/e2e/shared-cache.e2e.spec.ts, then stops
 *
 * Ports: TOPOLOGY_SITE_PORTS (comma-separated, one instance each), TOPOLOGY_CMS_PORT,
 * TOPOLOGY_REDIS_PORT; SITE_URL is the public address all instances share (default: the first).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './lib/install.mjs';
import { buildForBrowserTests } from './lib/e2e.mjs';
import { run } from './lib/run.mjs';
import { secrets, startCms, startSite } from './lib/stack.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { demoPassword, median, publishToLiveSamples } from './bench/publish-to-live.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testing = process.argv.includes('--test');
// The test builds into web/.next-tests, as the other test scripts do; `pnpm topology` itself serves web/.next.
if (testing) process.env.NEXT_DIST_DIR ??= '.next-tests';
const portList = (value, fallback) => (value ?? fallback).split(',').map((p) => Number(p.trim()));
const SITE_PORTS = portList(process.env.TOPOLOGY_SITE_PORTS, testing ? '3110,3111' : '3000,3001');
const CMS_PORT = Number(process.env.TOPOLOGY_CMS_PORT ?? (testing ? 1339 : 1337));
const REDIS_PORT = Number(process.env.TOPOLOGY_REDIS_PORT ?? 6390);
const siteUrl = process.env.SITE_URL ?? `http://127.0.0.1:${SITE_PORTS[0]}`;
const logs = join(root, 'e2e-artifacts');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** Debian's redis-server, in memory only, stopped by PID with the rest. */
async function startRedis(port) {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise((resolvePromise, reject) => {
    child.once('error', (error) => reject(new Error(`redis-server could not start (apt-get install redis-server, or set REDIS_URL): ${error.message}`)));
    child.once('spawn', resolvePromise);
  });
  // Up when it accepts a connection.
  const { createConnection } = await import('node:net');
  for (let tries = 0; ; tries++) {
    const up = await new Promise((r) => createConnection({ port, host: '127.0.0.1' }).once('connect', function () { this.end(); r(true); }).once('error', () => r(false)));
    if (up) break;
    if (child.exitCode !== null || tries > 50) throw new Error(`redis-server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: async () => void child.kill('SIGTERM') };
}

const secondCms = process.argv.includes('--second-cms');

/**
 * --second-cms: both CMS instances on one throw-away PostgreSQL (Debian's postgresql, port
 * TOPOLOGY_POSTGRES_PORT), the second on TOPOLOGY_CMS_PORT + 1, both announcing to the site:
 * each change is still announced once (an outbox row is claimed by one instance). The sites
 * read the first.
 */
async function sharedPostgres() {
  if (!secondCms) return null;
  const postgres = await startPostgres({ port: Number(process.env.TOPOLOGY_POSTGRES_PORT ?? 55440) });
  if (!postgres) throw new Error('--second-cms needs PostgreSQL (apt-get install postgresql)');
  return { env: { ...postgres.env, DATABASE_NAME: 'postgres' }, stop: () => postgres.stop() };
}

async function startMoreCms(databaseEnv) {
  if (!secondCms) return [];
  // After the first is up: it has created the tables and seeded the demo.
  return [await startCms({ port: CMS_PORT + 1, siteUrl, databaseEnv, adminPanel: !testing, forTests: testing, logFile: join(logs, 'topology-cms-2.log') })];
}

/** The outbox rows from `firstId` on (the seed's own, announced before any site was up, are not the test's). */
async function announcementsSince(databaseEnv, firstId) {
  const { default: pg } = await import(join(root, 'cms/node_modules/pg/lib/index.js'));
  const client = new pg.Client({ host: databaseEnv.DATABASE_HOST, port: Number(databaseEnv.DATABASE_PORT), user: databaseEnv.DATABASE_USERNAME, password: databaseEnv.DATABASE_PASSWORD, database: databaseEnv.DATABASE_NAME });
  await client.connect();
  try {
    return (await client.query('SELECT id, delivery_id, state, attempts FROM clinic_announcements WHERE id >= $1 ORDER BY id', [firstId])).rows;
  } finally {
    await client.end();
  }
}

/**
 * After the test, with two CMS instances on one database: every announcement of the test's
 * changes was delivered, and sent exactly once (one attempt), whichever instance claimed it.
 */
async function eachAnnouncedOnce(databaseEnv, firstId) {
  let rows = [];
  // Delivery runs beside the request that made the change: give the last ones a moment.
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 250))) {
    rows = await announcementsSince(databaseEnv, firstId);
    if (!rows.some((row) => row.state !== 'delivered') || Date.now() > deadline) break;
  }
  const wrong = rows.filter((row) => row.state !== 'delivered' || Number(row.attempts) !== 1);
  console.log(`announcements with two CMS instances: ${rows.length} rows for the test's changes, ${rows.length - wrong.length} delivered with exactly one attempt`);
  for (const row of wrong) console.error(`  announcement ${row.delivery_id}: ${row.state}, ${row.attempts} attempts`);
  return rows.length > 0 && wrong.length === 0;
}

async function main() {
  mkdirSync(logs, { recursive: true });
  const stoppers = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
  };
  try {
    if (!process.argv.includes('--no-build')) {
      await buildPackages(root);
      await buildForBrowserTests(root, { siteUrl, cmsUrl: `http://127.0.0.1:${CMS_PORT}`, admin: !testing });
    }
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startRedis(REDIS_PORT);
      stoppers.push(redis.stop);
      redisUrl = redis.url;
    }
    // Every site instance inherits it (stack.mjs passes its own environment on).
    process.env.REDIS_URL = redisUrl;
    const database = await sharedPostgres();
    if (database) stoppers.push(database.stop);
    const cms = await startCms({ port: CMS_PORT, siteUrl, databaseEnv: database?.env, adminPanel: !testing, forTests: testing, logFile: join(logs, 'topology-cms.log') });
    stoppers.push(() => cms.stop());
    const moreCms = await startMoreCms(database?.env);
    for (const more of moreCms) stoppers.push(() => more.stop());
    const sites = [];
    for (const [i, port] of SITE_PORTS.entries()) {
      const site = await startSite({ port, cmsUrl: cms.url, siteUrl, logFile: join(logs, `topology-site-${i + 1}.log`), extraEnv: testing ? { SITE_PAGE_MEMORY_TRACE: '1' } : {} });
      stoppers.push(() => site.stop());
      sites.push(`http://127.0.0.1:${port}`);
    }
    console.log(`\nRedis: ${redisUrl}\nCMS:   ${cms.url} (webhook to ${siteUrl}/api/revalidate)\nSites: ${sites.join(', ')}\n`);

    if (testing) {
      // With a second CMS, every edit, approval and publish goes through it while the sites read
      // the first: a change made on one instance reaches the site, announced once.
      const writer = moreCms[0] ?? cms;
      if (moreCms.length) console.log(`Edits, approvals and publishes go through ${writer.url}; the sites read ${cms.url}.`);
      const announcedBefore = database ? await announcementsSince(database.env, 0) : [];
      const firstNew = Math.max(0, ...announcedBefore.map((row) => Number(row.id))) + 1;
      let code = await run('pnpm', ['exec', 'playwright', 'test', '--config', 'playwright.topology.config.ts'], {
        cwd: join(root, 'web'),
        env: { SITE_URLS: sites.join(','), CMS_URL: writer.url, ...secrets, PW_TEST_HTML_REPORT_OPEN: 'never' },
      });
      if (code === 0 && database) code = (await eachAnnouncedOnce(database.env, firstNew)) ? 0 : 1;
      await stopAll();
      process.exit(code);
    }
    const stop = async () => {
      await stopAll();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error);
    await stopAll();
    process.exit(1);
  }
}

/**
 * For `pnpm bench`: publish-to-live on this topology (Redis, the CMS, two site instances of the
 * current build, on ports of their own), one publication per locale and round (3 rounds; one
 * publication for --smoke), each timed until the page shows the change on every instance.
 *   PUBLISH_BENCH_SITE_PORTS (3152,3153), PUBLISH_BENCH_CMS_PORT (1352), PUBLISH_BENCH_REDIS_PORT (6392)
 */
export async function measurePublishToLive({ smoke = false, progress = console.log } = {}) {
  const sitePorts = portList(process.env.PUBLISH_BENCH_SITE_PORTS, '3152,3153');
  const cmsPort = Number(process.env.PUBLISH_BENCH_CMS_PORT ?? 1352);
  const publicUrl = `http://127.0.0.1:${sitePorts[0]}`;
  const stoppers = [];
  const redisBefore = process.env.REDIS_URL;
  try {
    progress(`publish to live: Redis, the CMS and ${sitePorts.length} site instances`);
    const redis = await startRedis(Number(process.env.PUBLISH_BENCH_REDIS_PORT ?? 6392));
    stoppers.push(redis.stop);
    process.env.REDIS_URL = redis.url;
    const cms = await startCms({ port: cmsPort, siteUrl: publicUrl, adminPanel: false, logFile: join(logs, 'publish-bench-cms.log') });
    stoppers.push(() => cms.stop());
    const sites = [];
    for (const [i, port] of sitePorts.entries()) {
      const site = await startSite({ port, cmsUrl: cms.url, siteUrl: publicUrl, logFile: join(logs, `publish-bench-site-${i + 1}.log`) });
      stoppers.push(() => site.stop());
      sites.push(`http://127.0.0.1:${port}`);
    }
    const pages = [
      { locale: 'en', slug: 'vertebroplasty-and-kyphoplasty', path: '/en/procedures/vertebroplasty-and-kyphoplasty' },
      { locale: 'es', slug: 'vertebroplastia-y-cifoplastia', path: '/es/procedures/vertebroplastia-y-cifoplastia' },
    ];
    // The smoke run publishes once, so that this code cannot rot, at little cost to CI.
    const measured = smoke ? pages.slice(0, 1) : pages;
    const { samples, medianSeconds, medianPublishCallSeconds } = await publishToLiveSamples({ cmsUrl: cms.url, sites, pages: measured, rounds: smoke ? 1 : 3, password: await demoPassword(root), progress });
    const byLocaleAndInstance = {};
    for (const { locale, instance, seconds } of samples) ((byLocaleAndInstance[locale] ??= {})[instance] ??= []).push(seconds);
    for (const instances of Object.values(byLocaleAndInstance)) for (const [instance, list] of Object.entries(instances)) instances[instance] = median(list);
    return { medianSeconds, medianPublishCallSeconds, medianByLocaleAndInstance: byLocaleAndInstance, samples };
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    if (redisBefore === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = redisBefore;
  }
}

// Run as a command, not when the benchmark imports measurePublishToLive.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
