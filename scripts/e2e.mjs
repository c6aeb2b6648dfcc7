#!/usr/bin/env node
/**
 * `pnpm e2e`: the browser journeys alone. HEADED=1 to watch them in a window;
 * failures leave screenshots and traces in e2e-artifacts/. `--grep "banner"` runs a subset.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './lib/install.mjs';
import { runBrowserTests } from './lib/e2e.mjs';

// Tests and benchmarks build the site into web/.next-tests: a demo running from web/.next keeps its build.
process.env.NEXT_DIST_DIR ??= '.next-tests';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const grepAt = process.argv.indexOf('--grep');
await buildPackages(root);
const result = await runBrowserTests(root, { grep: grepAt > 0 ? process.argv[grepAt + 1] : undefined });
console.log(`${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`);
process.exit(result.failed ? 1 : 0);
