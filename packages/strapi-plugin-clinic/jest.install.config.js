/**
 * The installation test (tests/install.int.spec.ts): packs the plugin, installs it in a fresh
 * Strapi app, builds its admin and boots it. Minutes, not milliseconds, so apart from the unit tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.int.spec.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  testTimeout: 60_000,
  // Something of Strapi's stays open after destroy(); the run is over by then.
  forceExit: true,
};
