#!/usr/bin/env node
/**
 * Loads the demo clinic into the configured database.
 *   node scripts/seed.js            seed (idempotent: a second run changes nothing)
 *   node scripts/seed.js --if-empty seed only when there is no procedure yet (what `pnpm start` does)
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { demoPassword } = require('./demo-password');

async function main() {
  const password = demoPassword();
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const app = await createStrapi({ ...ctx, serveAdminPanel: false }).load();
  try {
    const existing = await app.documents('plugin::clinic.procedure').count({ locale: 'en' });
    if (process.argv.includes('--if-empty') && existing > 0) {
      await app.plugin('clinic').service('demo').ensureAccounts(app, { password });
      console.log(`Demo content already present (${existing} procedures); not reseeding.`);
    } else {
      await app.plugin('clinic').service('demo').seed(app, { password });
      console.log('Demo clinic seeded in en and es.');
    }
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
