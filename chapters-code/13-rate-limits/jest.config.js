// Jest compiles TypeScript with SWC: types are checked by `npm run typecheck`, not by the test run.
// jose is published as ES modules only, which Jest cannot load as they are: SWC compiles it too.
/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': ['@swc/jest'], '/node_modules/jose/.+\\.js$': ['@swc/jest'] };
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

// Both suites that talk HTTP share one local stack: whichever setup runs first starts it
// and sets API_URL, and the other finds API_URL set and starts nothing. Given API_URL
// from outside, neither starts anything and both test that URL.
const stack = {
  globalSetup: '<rootDir>/test/support/local-stack.ts',
  globalTeardown: '<rootDir>/test/support/stop-local-stack.ts',
};

module.exports = {
  projects: [
    {
      // The code alone, AWS mocked: milliseconds per test, run on every save.
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      setupFiles: ['<rootDir>/test/support/unit-env.ts'],
    },
    {
      // The code in its real surroundings: serverless-offline and DynamoDB Local.
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      ...stack,
    },
    {
      // The API's contract, over HTTP only: runs against the local stack or any deployment.
      displayName: 'acceptance',
      testMatch: ['<rootDir>/test/acceptance/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      ...stack,
    },
  ],
  testTimeout: 30_000,
};
