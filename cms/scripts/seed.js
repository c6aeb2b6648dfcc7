#!/usr/bin/env node
/**
 * `pnpm --filter cms seed`: (re)loads the demo clinic into the configured database. Idempotent:
 * it restores the demo text, and a second run changes nothing. (`pnpm start` seeds only an
 * empty database, in scripts/serve.js.)
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { demoPassword } = require('./demo-password');

async function main() {
  const password = demoPassword();
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  // The demo lives in this app (src/demo), compiled with it.
  const { seedDemo } = require(path.join(ctx.distDir, 'src/demo'));
  const app = await createStrapi({ ...ctx, serveAdminPanel: false }).load();
  try {
    await seedDemo(app, { password });
    console.log('Demo clinic seeded in en and es.');
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
