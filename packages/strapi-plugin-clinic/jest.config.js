/** Unit tests of the plugin's pure parts: nothing is booted. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
};
