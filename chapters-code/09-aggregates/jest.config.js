// Jest compiles TypeScript with SWC: types are checked by `npm run typecheck`, not by the test run.
/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': ['@swc/jest'] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      setupFiles: ['<rootDir>/test/support/unit-env.ts'],
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform,
      // One local stack for all integration tests, started before and stopped after them.
      globalSetup: '<rootDir>/test/support/local-stack.ts',
      globalTeardown: '<rootDir>/test/support/stop-local-stack.ts',
    },
  ],
  testTimeout: 30_000,
};
