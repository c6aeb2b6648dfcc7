// Compile the app once for the whole run; each test file then boots from dist/.
const path = require('path');
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: path.resolve(__dirname, '../..') });
};
