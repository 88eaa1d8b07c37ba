/**
 * Projects: unit (no I/O), contract (one suite per implementation; may use Redis), integration (real servers),
 * fuzz (bad input at scale, real servers), browser (the IDE and the example app in Chromium), soak (long runs, heap
 * and timing checks; `npm run test:soak` only).
 *
 * Only the projects that talk to Redis name the Redis global setup: jest runs a project's globalSetup only when at
 * least one test of that project is selected, so `--selectProjects unit` never looks for Redis.
 */
const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  setupFiles: ['reflect-metadata'],
};
const withRedis = {
  ...common,
  globalSetup: '<rootDir>/test/helpers/redis-global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/redis-global-teardown.ts',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...withRedis, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...withRedis, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    // Bad input at scale against the real servers (seeded, deterministic); run with the integration tests.
    { ...withRedis, displayName: 'fuzz', testMatch: ['<rootDir>/test/fuzz/**/*.test.ts'] },
    // Real Chromium (playwright-core driving /usr/bin/chromium) against real gateways; run after the integration tests.
    { ...withRedis, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
    // Not part of `npm test`: subscribe/unsubscribe churn, heap growth and parse-time budgets (`npm run test:soak`).
    { ...withRedis, displayName: 'soak', testMatch: ['<rootDir>/test/soak/**/*.test.ts'] },
  ],
};
