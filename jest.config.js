/** Jest runs the TypeScript sources directly through SWC (type checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-line-reporter.js'],
};
