import { defineConfig } from 'vitest/config';

// Browser tests: a real server on a fresh embedded database, driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts'],
    globalSetup: ['src/test/browserGlobalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    env: { NODE_ENV: 'test' },
  },
});
