#!/usr/bin/env node
/**
 * `pnpm bench`: what patients and the site wait for, each measured beside a reference in the
 * same run, so that the ratios hold on a busy machine where absolute figures do not.
 *   - the site's procedure page served from cache, beside a bare Next app of the same Next
 *     version serving a static page of the same size (built here); then the same on a second
 *     instance with the page memory off, every view through Next's router (not a goal);
 *   - the site's ProcedureBySlug GraphQL query, beside stock REST with the same populate;
 *   - CMS requests per cached view, pages served with the CMS down, SQL statements per
 *     query, resident memory, first-load JavaScript, publish-to-live (when the topology
 *     script provides it).
 * Starts everything it measures on loopback, warms up, alternates workload and reference for
 * each round and keeps the median round; prints a table and writes it as JSON.
 *   BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10),
 *   BENCH_PORT_BASE (14800), BENCH_OUTPUT (e2e-artifacts/bench/results.json),
 *   BENCH_SMOKE=1 or --smoke: a few seconds per workload, for CI (checks it runs, not how fast;
 *   uses the packages as last built, as does --packages-built).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './lib/install.mjs';
import { buildForBrowserTests } from './lib/e2e.mjs';
import { serverProcess, startCms, startSite } from './lib/stack.mjs';
import { buildBareNextApp } from './bench/bare-next.mjs';
import { startCmsDoor } from './bench/cms-door.mjs';
import { firstLoadJs } from './bench/first-load-js.mjs';
import { residentMemoryMb, sideBySide, load } from './bench/load.mjs';

// Tests and benchmarks build the site into web/.next-tests: a demo running from web/.next keeps its build.
process.env.NEXT_DIST_DIR ??= '.next-tests';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.env.BENCH_SMOKE === '1' || process.argv.includes('--smoke');
const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? (smoke ? 2 : 10)),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? (smoke ? 1 : 3)),
  rounds: Number(process.env.BENCH_ROUNDS ?? (smoke ? 1 : 3)),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};
const portBase = Number(process.env.BENCH_PORT_BASE ?? 14800);
const ports = { door: portBase + 10, cms: portBase + 11, sqlCounter: portBase + 12, site: portBase + 20, siteThroughNext: portBase + 21, bare: portBase + 30 };
const workDir = join(root, 'e2e-artifacts', 'bench');
const output = resolve(root, process.env.BENCH_OUTPUT ?? join(workDir, 'results.json'));

const GOALS = { pageRatio: 0.9, pageP99Ms: 20, graphqlRatio: 1.0, firstLoadExtraKb: 5, publishMedianS: 0.25 };
const PROCEDURE = { locale: 'es', slug: 'vertebroplastia-y-cifoplastia' };

const started = Date.now();
const progress = (message) => console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${message}`);

function startBareNext(dir, port) {
  return serverProcess('node', [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: '1' }, logFile: '/dev/null' });
}

async function waitFor(url, child) {
  for (let tries = 0; tries < 600; tries += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** A request that must succeed before it is measured: a benchmark of error pages measures nothing. */
async function mustAnswer(name, url, init, expectText) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok || (expectText && !text.includes(expectText))) throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`);
  return text;
}

const sqlStatements = async () => (await (await fetch(`http://127.0.0.1:${ports.sqlCounter}`)).json()).statements;

/** Publish-to-live, as the two-instance topology script measures it, when it is there. */
async function publishToLive() {
  const script = join(root, 'scripts/topology.mjs');
  if (!existsSync(script) || !/export\s+async\s+function\s+measurePublishToLive\b/.test(readFileSync(script, 'utf8'))) return null;
  const { measurePublishToLive } = await import(script);
  return measurePublishToLive({ smoke, progress });
}

async function main() {
  mkdirSync(workDir, { recursive: true });
  progress(`settings: ${JSON.stringify(settings)}${smoke ? ' (smoke)' : ''}`);
  // The smoke run follows the test suite's own build of the packages (scripts/test.mjs).
  if (!smoke && !process.argv.includes('--packages-built')) {
    progress('building the packages');
    await buildPackages(root);
  }
  const siteUrl = `http://127.0.0.1:${ports.site}`;
  const doorUrl = `http://127.0.0.1:${ports.door}`;
  progress('building the site (next build, empty cache)');
  await buildForBrowserTests(root, { siteUrl, cmsUrl: doorUrl, admin: false });

  progress('starting the CMS (fresh SQLite database, seeded)');
  const cms = await startCms({
    port: ports.cms,
    siteUrl,
    adminPanel: false,
    logFile: join(workDir, 'cms.log'),
    // The answer cache is off by default (it suits a single CMS process, as here); the uncached run measures without it.
    extraEnv: { NODE_OPTIONS: `--require ${join(root, 'scripts/bench/count-sql.cjs')}`, BENCH_SQL_COUNTER_PORT: String(ports.sqlCounter), CLINIC_GRAPHQL_ANSWER_CACHE: 'true' },
  });
  const door = await startCmsDoor({ port: ports.door, cmsUrl: cms.url });
  const stops = [() => cms.stop(), () => door.stop()];
  try {
    progress('starting the site');
    const site = await startSite({ port: ports.site, cmsUrl: doorUrl, siteUrl, logFile: join(workDir, 'site.log') });
    stops.unshift(() => site.stop());
    const pageUrl = `${siteUrl}/${PROCEDURE.locale}/procedures/${PROCEDURE.slug}`;
    const pageHtml = await mustAnswer('site procedure page', pageUrl, {}, 'Vertebroplastia');

    progress('building the reference: a bare Next app with a static page of the same size');
    const bareDir = join(workDir, 'bare-next');
    await buildBareNextApp({ root, workDir: bareDir, htmlBytes: Buffer.byteLength(pageHtml) });
    const bare = startBareNext(bareDir, ports.bare);
    stops.unshift(() => bare.stop());
    const bareUrl = `http://127.0.0.1:${ports.bare}/`;
    await waitFor(bareUrl, bare.child);

    const results = { settings: { ...settings, smoke }, goals: GOALS, measuredAt: new Date().toISOString() };

    // 1. The cached page beside the bare app; every CMS request the site makes meanwhile is counted.
    const page = await sideBySide({
      ...settings,
      progress,
      reference: { name: 'bare Next static page', request: { url: bareUrl } },
      workload: {
        name: 'site procedure page (cached)',
        request: { url: pageUrl },
        before: () => ({ cmsRequests: door.requests }),
        after: (before, run) => ({ cmsRequestsPerView: (door.requests - before.cmsRequests) / Math.max(1, run.requests) }),
      },
      afterRun: (side) => ({ memoryMb: residentMemoryMb(side === 'workload' ? site.pid : bare.child.pid) }),
    });
    results.page = page;

    // The same page on a second instance of the same build with the page memory off: every view through Next's router and response cache.
    progress('the cached page through Next (page memory off), beside the bare app again');
    const throughNext = await startSite({ port: ports.siteThroughNext, cmsUrl: doorUrl, siteUrl, logFile: join(workDir, 'site-through-next.log'), extraEnv: { SITE_PAGE_MEMORY_MB: '0' } });
    stops.unshift(() => throughNext.stop());
    const throughNextUrl = `http://127.0.0.1:${ports.siteThroughNext}/${PROCEDURE.locale}/procedures/${PROCEDURE.slug}`;
    await mustAnswer('site procedure page through Next', throughNextUrl, {}, 'Vertebroplastia');
    results.pageThroughNext = await sideBySide({
      ...settings,
      progress,
      reference: { name: 'bare Next static page', request: { url: bareUrl } },
      workload: { name: 'site procedure page (cached, page memory off)', request: { url: throughNextUrl } },
      afterRun: (side) => ({ memoryMb: residentMemoryMb(side === 'workload' ? throughNext.pid : bare.child.pid) }),
    });

    // 2. The same page with the CMS down: served from cache, or not.
    progress('the CMS goes down: the cached page again');
    door.setDown(true);
    const down = await load({ url: pageUrl, connections: settings.connections, seconds: Math.max(1, Math.round(settings.seconds / 2)) });
    door.setDown(false);
    results.cmsDown = { requests: down.requests, errors: down.errors, reqPerSec: down.reqPerSec, p99: down.p99 };

    // 3. The site's own page query beside stock REST with the same populate, SQL statements counted.
    const operations = readFileSync(join(root, 'web/src/lib/cms/operations/procedure.graphql'), 'utf8');
    const graphqlBody = JSON.stringify({ query: operations, operationName: 'ProcedureBySlug', variables: PROCEDURE });
    const graphqlRequest = { url: `${cms.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: graphqlBody };
    const populate = ['otherNames', 'faqs', 'providers', 'reviewedBy', 'relatedProcedures'].map((p) => `populate[${p}]=true`).join('&');
    const restUrl = `${cms.url}/api/clinic/procedures?locale=${PROCEDURE.locale}&filters[slug][$eq]=${PROCEDURE.slug}&pagination[limit]=1&populate[sections][populate][steps]=true&${populate}`;
    await mustAnswer('GraphQL ProcedureBySlug', graphqlRequest.url, graphqlRequest, 'Vertebroplastia');
    await mustAnswer('REST procedure', restUrl, {}, 'Vertebroplastia');
    const countSql = { before: async () => ({ sql: await sqlStatements() }), after: async (before, run) => ({ sqlPerRequest: ((await sqlStatements()) - before.sql) / Math.max(1, run.requests) }) };
    results.query = await sideBySide({
      ...settings,
      progress,
      reference: { name: 'REST, same populate', request: { url: restUrl }, ...countSql },
      workload: { name: 'GraphQL ProcedureBySlug (answer cache)', request: graphqlRequest, ...countSql },
      afterRun: () => ({ memoryMb: residentMemoryMb(cms.pid) }),
    });

    // The same query past the CMS's cache of anonymous answers (a cookie opts out): what the resolvers cost.
    progress(`GraphQL ProcedureBySlug, uncached (${settings.seconds} s)`);
    const sqlBefore = await sqlStatements();
    const uncached = await load({ ...graphqlRequest, headers: { ...graphqlRequest.headers, cookie: 'bench=uncached' }, connections: settings.connections, seconds: settings.seconds });
    results.queryUncached = { ...uncached, sqlPerRequest: ((await sqlStatements()) - sqlBefore) / Math.max(1, uncached.requests), memoryMb: residentMemoryMb(cms.pid) };

    // 4. What the browser downloads first.
    progress('first-load JavaScript');
    results.firstLoad = { site: await firstLoadJs(pageUrl), bare: await firstLoadJs(bareUrl) };

    // 5. Publish to live, across the site's instances.
    progress('publish-to-live');
    results.publishToLive = await publishToLive();

    report(results);
    writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
    progress(`written to ${output}`);
    const errors = page.workload.errors + page.reference.errors + results.pageThroughNext.workload.errors + results.pageThroughNext.reference.errors + results.query.workload.errors + results.query.reference.errors + results.queryUncached.errors + results.cmsDown.errors;
    if (errors) throw new Error(`${errors} requests failed during the benchmark (see the table)`);
  } finally {
    for (const stop of stops) await stop();
  }
}

/** The goal holds for the median of every locale on every instance, and for the whole. */
const publishGoalMet = (publish) => publish.medianSeconds <= GOALS.publishMedianS && Object.values(publish.medianByLocaleAndInstance ?? {}).every((instances) => Object.values(instances).every((s) => s <= GOALS.publishMedianS));

const fixed = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const verdict = (ok) => (ok ? 'met' : 'MISSED');

function report(r) {
  const rows = [
    ['workload', 'req/s', 'p50 ms', 'p99 ms', 'MB', 'errors', 'extra'],
    ...[
      ['site procedure page (cached)', r.page.workload, `CMS requests/view ${fixed(r.page.workload.cmsRequestsPerView, 3)}`],
      ['  reference: bare Next static page', r.page.reference, ''],
      ['site page, page memory off (via Next)', r.pageThroughNext.workload, ''],
      ['  reference: bare Next static page', r.pageThroughNext.reference, ''],
      ['GraphQL ProcedureBySlug (answer cache)', r.query.workload, `SQL/request ${fixed(r.query.workload.sqlPerRequest, 1)}`],
      ['  reference: REST, same populate', r.query.reference, `SQL/request ${fixed(r.query.reference.sqlPerRequest, 1)}`],
      ['GraphQL ProcedureBySlug, uncached', r.queryUncached, `SQL/request ${fixed(r.queryUncached.sqlPerRequest, 1)}`],
    ].map(([name, m, extra]) => [name, fixed(m.reqPerSec), fixed(m.p50, 1), fixed(m.p99, 1), fixed(m.memoryMb), String(m.errors), extra]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));

  const pageRatio = r.page.workload.reqPerSec / r.page.reference.reqPerSec;
  const throughNextRatio = r.pageThroughNext.workload.reqPerSec / r.pageThroughNext.reference.reqPerSec;
  const queryRatio = r.query.workload.reqPerSec / r.query.reference.reqPerSec;
  const extraJs = r.firstLoad.site.jsKb - r.firstLoad.bare.jsKb;
  const publish = r.publishToLive;
  r.summary = {
    pageRatio,
    pageP99Ms: r.page.workload.p99,
    pageThroughNextRatio: throughNextRatio,
    pageThroughNextP99Ms: r.pageThroughNext.workload.p99,
    cmsRequestsPerCachedView: r.page.workload.cmsRequestsPerView,
    servedWithCmsDown: `${r.cmsDown.requests - r.cmsDown.errors}/${r.cmsDown.requests}`,
    queryRatio,
    sqlPerQuery: r.query.workload.sqlPerRequest,
    sqlPerUncachedQuery: r.queryUncached.sqlPerRequest,
    uncachedQueryRatio: r.queryUncached.reqPerSec / r.query.reference.reqPerSec,
    firstLoadJsKb: { site: r.firstLoad.site.jsKb, bare: r.firstLoad.bare.jsKb, extra: extraJs, siteInline: r.firstLoad.site.inlineKb, bareInline: r.firstLoad.bare.inlineKb },
    publishToLiveMedianS: publish?.medianSeconds ?? null,
  };
  console.log('');
  console.log(`cached page / bare Next         ${fixed(pageRatio, 2)}x   (goal >= ${GOALS.pageRatio}x: ${verdict(pageRatio >= GOALS.pageRatio)}; p99 ${fixed(r.page.workload.p99, 1)} ms, goal <= ${GOALS.pageP99Ms} ms: ${verdict(r.page.workload.p99 <= GOALS.pageP99Ms)})`);
  console.log(`  with the page memory off       ${fixed(throughNextRatio, 2)}x, p99 ${fixed(r.pageThroughNext.workload.p99, 1)} ms   (every view through Next's router and response cache; not a goal)`);
  console.log(`CMS requests per cached view    ${fixed(r.page.workload.cmsRequestsPerView, 3)}   (goal 0: ${verdict(r.page.workload.cmsRequestsPerView === 0)})`);
  console.log(`served with the CMS down        ${r.summary.servedWithCmsDown} answered 200   (${verdict(r.cmsDown.errors === 0 && r.cmsDown.requests > 0)})`);
  console.log(`GraphQL / REST                  ${fixed(queryRatio, 2)}x   (goal >= ${GOALS.graphqlRatio}x: ${verdict(queryRatio >= GOALS.graphqlRatio)}); uncached ${fixed(r.summary.uncachedQueryRatio, 2)}x with ${fixed(r.queryUncached.sqlPerRequest, 1)} SQL statements per query (constant from 3 to 100 FAQs and providers: cms/tests/graphql-sql-per-query.int.spec.ts)`);
  console.log(`first-load JS, gzip             site ${fixed(r.firstLoad.site.jsKb, 1)} kB, bare ${fixed(r.firstLoad.bare.jsKb, 1)} kB: +${fixed(extraJs, 1)} kB   (goal <= +${GOALS.firstLoadExtraKb} kB: ${verdict(extraJs <= GOALS.firstLoadExtraKb)}); inline scripts ${fixed(r.firstLoad.site.inlineKb, 1)} vs ${fixed(r.firstLoad.bare.inlineKb, 1)} kB; HTML ${r.firstLoad.site.htmlBytes} vs ${r.firstLoad.bare.htmlBytes} bytes`);
  console.log(`publish to live, median         ${publish ? `${fixed(publish.medianSeconds, 2)} s on every instance, of which the publish request ${fixed(publish.medianPublishCallSeconds, 2)} s   (goal <= ${GOALS.publishMedianS} s: ${verdict(publishGoalMet(publish))})` : 'n/a (scripts/topology.mjs does not provide measurePublishToLive)'}`);
  for (const [locale, instances] of Object.entries(publish?.medianByLocaleAndInstance ?? {})) {
    console.log(`  ${locale}: ${Object.entries(instances).map(([instance, seconds]) => `${instance} ${fixed(seconds, 2)} s`).join(', ')}`);
  }
  console.log('');
}

main().catch((error) => {
  console.error(`\nbench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
