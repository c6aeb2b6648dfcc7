#!/usr/bin/env node
/**
 * `pnpm start`: the demo. Installs and builds what it needs, seeds the demo clinic when the
 * database has none, then serves the CMS on http://localhost:1337 (admin at /admin,
 * GraphQL at /graphql). Ctrl-C stops everything it started.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, installWorkspace } from './lib/install.mjs';
import { mustRun } from './lib/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cms = join(root, 'cms');
const env = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  // The local demo's preview secret; set your own anywhere else.
  PREVIEW_SECRET: process.env.PREVIEW_SECRET ?? 'local-demo-preview-secret',
};
Object.assign(process.env, env);

async function main() {
  if (!process.argv.includes('--no-install')) await installWorkspace(root);
  await buildPackages(root);
  await mustRun('pnpm', ['exec', 'strapi', 'build'], { cwd: cms });
  await mustRun('node', ['scripts/seed.js', '--if-empty'], { cwd: cms, env: { STRAPI_LOG_LEVEL: 'warn' } });

  const server = spawn('pnpm', ['exec', 'strapi', 'start'], { cwd: cms, stdio: 'inherit', env: process.env });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log('\nCMS: http://localhost:1337/admin  (admin@clinic.test, password: $DEMO_PASSWORD or the README default)');
  console.log('GraphQL: http://localhost:1337/graphql\n');
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
