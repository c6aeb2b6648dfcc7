/**
 * Integration tests: each file boots one Strapi against its own fresh database
 * (a temporary SQLite file, or a new PostgreSQL database when DATABASE_CLIENT=postgres).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.int.spec.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/harness/global-setup.js',
  testTimeout: 120_000,
  maxWorkers: 1,
};
