/** Unit tests: pure functions and the proxy's routing, nothing booted. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // next-intl ships ES modules only: compiled like our own code so that tests can route requests through it.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(next-intl|use-intl|@formatjs)/)'],
};
