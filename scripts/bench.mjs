#!/usr/bin/env node
/**
 * `pnpm bench`: throughput and latency of what patients hit, printed as numbers (no test
 * asserts on timings). Starts its own CMS and a production build of the site on loopback,
 * sends a bounded number of requests with a fixed concurrency, then stops everything.
 *   BENCH_SECONDS (default 10) per target, BENCH_CONCURRENCY (default 10).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './lib/install.mjs';
import { buildForBrowserTests } from './lib/e2e.mjs';
import { startCms, startSite } from './lib/stack.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const MAX_REQUESTS = 50_000;

async function measure(name, makeRequest) {
  const latencies = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline && latencies.length + errors < MAX_REQUESTS) {
      const started = performance.now();
      try {
        const res = await makeRequest();
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - started);
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1) : 'n/a');
  console.log(`${name.padEnd(44)} ${(latencies.length / elapsed).toFixed(0).padStart(6)} req/s   p50 ${pct(50).padStart(6)} ms   p99 ${pct(99).padStart(6)} ms   errors ${errors}`);
}

const siteUrl = 'http://127.0.0.1:3200';
await buildPackages(root);
await buildForBrowserTests(root, { siteUrl, cmsUrl: 'http://127.0.0.1:1339' });
const cms = await startCms({ port: 1339, siteUrl, logFile: join(root, 'e2e-artifacts', 'bench-cms.log'), adminPanel: false });
const site = await startSite({ port: 3200, cmsUrl: cms.url, siteUrl, logFile: join(root, 'e2e-artifacts', 'bench-site.log') });
try {
  const query = JSON.stringify({
    query: 'query ($slug: String!) { clinicProcedures(locale: "es", filters: { slug: { eq: $slug } }) { title summary sections { heading body steps { title } } faqs { question } reviewedBy { fullName } } }',
    variables: { slug: 'vertebroplastia-y-cifoplastia' },
  });
  console.log(`\n${concurrency} concurrent clients, ${seconds} s per target, on this machine's loopback\n`);
  await measure('CMS GraphQL: Spanish procedure page query', () => fetch(`${cms.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }));
  await measure('CMS REST: Spanish procedure, populated', () => fetch(`${cms.url}/api/clinic/procedures?locale=es&filters[slug][$eq]=vertebroplastia-y-cifoplastia&populate[sections][populate]=steps&populate[faqs]=true`));
  await fetch(`${siteUrl}/es/procedures/vertebroplastia-y-cifoplastia`); // warm the cache
  await measure('Site: Spanish procedure page (cached)', () => fetch(`${siteUrl}/es/procedures/vertebroplastia-y-cifoplastia`));
  await measure('Site: sitemap.xml', () => fetch(`${siteUrl}/sitemap.xml`));
} finally {
  await site.stop();
  await cms.stop();
}
