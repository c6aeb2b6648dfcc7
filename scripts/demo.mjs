#!/usr/bin/env node
/**
 * `pnpm start`: the demo. Installs and builds what it needs, seeds the demo clinic when the
 * database has none, then serves the CMS on http://localhost:1337 (admin at /admin) and the
 * patient site on http://localhost:3000. Ctrl-C stops both.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, installWorkspace } from './lib/install.mjs';
import { buildForBrowserTests } from './lib/e2e.mjs';
import { startCms, startSite } from './lib/stack.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CMS_PORT = Number(process.env.CMS_PORT ?? 1337);
const SITE_PORT = Number(process.env.SITE_PORT ?? 3000);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${SITE_PORT}`;
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main() {
  if (!process.argv.includes('--no-install')) await installWorkspace(root);
  await buildPackages(root);
  await buildForBrowserTests(root, { siteUrl, cmsUrl: `http://127.0.0.1:${CMS_PORT}` });
  // The CMS's own database settings (cms/.tmp/data.db unless DATABASE_* say otherwise).
  const cms = await startCms({ port: CMS_PORT, siteUrl, databaseEnv: {}, forTests: false });
  const site = await startSite({ port: SITE_PORT, cmsUrl: cms.url, siteUrl });
  console.log(`\nSite:  ${siteUrl}`);
  console.log(`Admin: http://localhost:${CMS_PORT}/admin  (admin@clinic.test, editor@clinic.test, physician@clinic.test; password: $DEMO_PASSWORD or ClinicDemo2026)`);
  console.log(`GraphQL: http://localhost:${CMS_PORT}/graphql\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await site.stop();
    await cms.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The site outlives its CMS, as in production: cached pages are still served, others get the 503 page.
  cms.child.on('exit', (code, signal) => {
    console.error(`The CMS stopped (${signal ?? code}); the site keeps serving what it has cached. Ctrl-C stops the site too.`);
  });
  site.child.on('exit', (code, signal) => {
    console.error(`The site stopped (${signal ?? code}).`);
    stop();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
