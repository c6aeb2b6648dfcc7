#!/usr/bin/env node
/**
 * `pnpm test`: every test. Installs and builds what it needs, then runs
 *   1. unit tests of the pure rules (packages/*), nothing booted; the plugin's type check, and
 *      its installation in a fresh Strapi app from the packed tarball;
 *   2. the CMS integration suite on SQLite;
 *   3. the same suite on PostgreSQL, on a throw-away server of its own (skipped, loudly,
 *      when PostgreSQL is not installed; CI installs it).
 * Ends with one plain line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, installWorkspace } from './lib/install.mjs';
import { findPostgresBin, startPostgres } from './lib/postgres.mjs';
import { run } from './lib/run.mjs';
import { runBrowserTests } from './lib/e2e.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

process.env.STRAPI_TELEMETRY_DISABLED = 'true';
// Tests and benchmarks build the site into web/.next-tests: a demo running from web/.next keeps its build.
process.env.NEXT_DIST_DIR ??= '.next-tests';
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function jest(name, cwd, extraEnv = {}, args = []) {
  const outputFile = join(resultsDir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const code = await run('pnpm', ['exec', 'jest', '--ci', '--json', `--outputFile=${outputFile}`, ...args], { cwd, env: extraEnv });
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    report = null;
  }
  if (!report) {
    totals.failed += 1;
    failures.push(`${name}: jest produced no report (exit ${code})`);
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += report.numPendingTests;
  if (code !== 0 || !report.success) failures.push(`${name}: ${report.numFailedTests} failed, ${report.numRuntimeErrorTestSuites} suites did not run`);
}

/** One command that passes or fails as a whole (a check, not a test runner). */
async function check(title, command, args, cwd, whenFailed) {
  console.log(`\n=== ${title} ===`);
  const code = await run(command, args, { cwd: join(root, cwd) });
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(whenFailed);
  }
}

async function checks() {
  // The site's generated types must match the committed schema, and its operation allowlist its operations.
  await check('codegen: web/src/lib/cms/generated matches cms/schema.graphql', 'pnpm', ['exec', 'graphql-codegen', '--config', 'codegen.ts', '--check'], 'web', 'codegen: generated types differ from the schema; run `pnpm --filter web codegen` and commit');
  await check("codegen: web operation allowlist matches the site's .graphql operations", 'node', ['scripts/operation-allowlist.mjs', '--check'], 'web', 'codegen: operation-allowlist.json differs from the operations; run `pnpm --filter web codegen` and commit');
  // The plugin's build (sdk-plugin, vite) does not type-check, so its server and admin are checked here, strictly.
  for (const side of ['server', 'admin']) {
    await check(`typecheck: strapi-plugin-clinic ${side}`, 'pnpm', ['exec', 'tsc', '-p', `${side}/tsconfig.json`, '--noEmit'], 'packages/strapi-plugin-clinic', `typecheck: strapi-plugin-clinic ${side} has type errors`);
  }
  // What sdk-plugin checks before a plugin is published: package.json exports, files and peers.
  await check('verify: strapi-plugin-clinic (strapi-plugin verify)', 'pnpm', ['run', 'verify'], 'packages/strapi-plugin-clinic', 'verify: strapi-plugin verify refused the plugin package');
}

async function createDatabase(env, name) {
  const { default: pg } = await import(join(root, 'cms/node_modules/pg/lib/index.js'));
  const client = new pg.Client({ host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, database: 'postgres' });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return name;
}

async function browserTests(label, options) {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.warn(`\n!!! Chromium is not installed (apt-get install chromium): ${label} was skipped.`);
    if (process.env.CI) failures.push(`${label}: Chromium is required in CI`);
    return;
  }
  try {
    const result = await runBrowserTests(root, { label, ...options });
    totals.passed += result.passed;
    totals.failed += result.failed;
    totals.skipped += result.skipped;
    if (result.failed) failures.push(`${label}: ${result.failed} failed (screenshots in e2e-artifacts/)`);
  } catch (error) {
    totals.failed += 1;
    failures.push(`${label} could not run: ${error.message}`);
  }
}

/** Whether a Debian command the next step needs is installed; without it the step is skipped, loudly (CI installs it). */
function needs(command, what) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status === 0) return true;
  console.warn(`\n!!! ${command} is not installed (apt-get install ${command}): ${what} skipped.`);
  if (process.env.CI) failures.push(`${what}: ${command} is required in CI`);
  return false;
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  if (!process.argv.includes('--no-install')) await installWorkspace(root);
  await buildPackages(root);

  await jest('unit-domain', join(root, 'packages/clinic-domain'));
  await jest('unit-plugin', join(root, 'packages/strapi-plugin-clinic'));
  await jest('unit-web', join(root, 'web'));
  // The site's shared cache handler against a real redis-server of its own (node's test runner: plain .mjs).
  if (needs('redis-server', 'the Redis cache handler tests')) await check('unit: web cache handler (node --test web/cache-handler)', 'node', ['--test', 'cache-handler/'], 'web', 'unit: the Redis cache handler tests failed');
  await checks();
  // The packed plugin in a fresh Strapi app of its own (not cms/), as a clinic installs it.
  await jest('install-plugin', join(root, 'packages/strapi-plugin-clinic'), {}, ['-c', 'jest.install.config.js']);
  await jest('integration-sqlite', join(root, 'cms'), { DATABASE_CLIENT: 'sqlite' });

  await browserTests('e2e-sqlite', {});
  // Two site instances sharing Next's cache through Redis: a publish reaches both. With
  // PostgreSQL, two CMS instances on one database as well: the publish is made on the second,
  // and each of its announcements is sent once.
  if (needs('redis-server', 'the two-instance topology test')) {
    const twoCms = Boolean(findPostgresBin());
    if (!twoCms && process.env.CI) failures.push('topology: PostgreSQL is required in CI for its two CMS instances');
    await check(
      `topology: two site instances share one Redis cache${twoCms ? ', two CMS instances one PostgreSQL' : ''} (pnpm topology --test${twoCms ? ' --second-cms' : ''})`,
      'node',
      ['scripts/topology.mjs', '--test', ...(twoCms ? ['--second-cms'] : [])],
      '.',
      'topology: a publish did not reach both site instances, or was not announced exactly once (see e2e-artifacts/)',
    );
  }
  // The benchmark, a few seconds per workload, so that it cannot rot (its figures are not checked here).
  await check('bench: smoke run (pnpm bench --smoke)', 'node', ['scripts/bench.mjs', '--smoke'], '.', 'bench: the smoke run failed (see its output)');

  const postgres = await startPostgres({ port: Number(process.env.TEST_POSTGRES_PORT ?? 55432) });
  if (postgres) {
    try {
      await jest('integration-postgres', join(root, 'cms'), postgres.env);
      // The editorial journey's first steps again, on a PostgreSQL-backed CMS of its own.
      const database = await createDatabase(postgres.env, 'clinic_e2e');
      await browserTests('e2e-postgres', { databaseEnv: { ...postgres.env, DATABASE_NAME: database }, grep: '@pg', buildAdmin: false });
    } finally {
      await postgres.stop();
    }
  } else {
    console.warn('\n!!! PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL run was skipped.');
    if (process.env.CI) failures.push('integration-postgres: PostgreSQL is required in CI');
  }

  console.log('');
  for (const failure of failures) console.log(`FAILED ${failure}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(failures.length || totals.failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
