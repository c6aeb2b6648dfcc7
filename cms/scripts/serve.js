#!/usr/bin/env node
/**
 * Boots the CMS once: seeds the demo clinic when the database has no procedure yet (and
 * makes sure the demo accounts exist), then listens. Used by `pnpm start` and the browser
 * tests, so the demo never boots Strapi twice.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { demoPassword } = require('./demo-password');

async function main() {
  const password = demoPassword();
  const appDir = path.resolve(__dirname, '..');
  const ctx = process.env.STRAPI_SKIP_COMPILE === 'true' ? { appDir, distDir: path.join(appDir, 'dist') } : await compileStrapi({ appDir });
  // The demo lives in this app (src/demo), compiled with it.
  const { seedDemo, ensureDemoAccounts } = require(path.join(ctx.distDir, 'src/demo'));
  const app = await createStrapi({ ...ctx, serveAdminPanel: process.env.SERVE_ADMIN_PANEL !== 'false' }).load();
  const procedures = await app.documents('plugin::clinic.procedure').count({ locale: 'en' });
  if (procedures === 0) {
    await seedDemo(app, { password });
    app.log.info('Demo clinic seeded in en and es.');
  } else {
    await ensureDemoAccounts(app, { password });
  }
  await app.listen();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
