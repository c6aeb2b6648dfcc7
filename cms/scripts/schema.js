#!/usr/bin/env node
/**
 * Writes the public GraphQL schema to cms/schema.graphql (the committed contract the site's
 * codegen reads), or with --check fails when the committed file differs from the CMS.
 * Boots Strapi against a throw-away SQLite database: the schema does not depend on data.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { printPublicSchema, SCHEMA_FILE } = require('./public-schema');

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-schema-'));
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'schema.db'), STRAPI_LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' });
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const app = await createStrapi({ ...ctx, serveAdminPanel: false }).load();
  app.server.mount();
  try {
    const schema = await printPublicSchema(app);
    if (process.argv.includes('--check')) {
      const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      if (committed !== schema) {
        console.error('cms/schema.graphql differs from the schema the CMS serves. Run `pnpm --filter cms schema:write` and commit it.');
        process.exitCode = 1;
      } else console.log('cms/schema.graphql matches the CMS.');
    } else {
      fs.writeFileSync(SCHEMA_FILE, schema);
      console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    }
  } finally {
    await app.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(process.exitCode ?? 0), (e) => { console.error(e); process.exit(1); });
