/** Unit tests of pure rules: nothing is booted. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': ['@swc/jest'] },
  // `syllable` (English syllable counts for reading levels) ships only as an ES module.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/syllable@[^/]+/node_modules/)?syllable/)'],
};
