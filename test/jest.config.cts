const { join } = require('node:path');

// End-to-end tests: real PostgreSQL (embedded unless DATABASE_URL is set), real HTTP, real Chromium.
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  moduleNameMapper: {
    '^@pm/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@pm/api-contract$': '<rootDir>/libs/api-contract/src/index.ts',
    '^@pm/migrations$': '<rootDir>/migrations/index.ts',
  },
  rootDir: join(__dirname, '..'),
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  rootDir: join(__dirname, '..'),
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.e2e.ts'] },
    { ...common, displayName: 'start', testMatch: ['<rootDir>/test/start/**/*.e2e.ts'] },
  ],
};
