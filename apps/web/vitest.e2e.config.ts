import { defineConfig } from 'vitest/config';

// Browser journeys: one server for the run (global setup), Debian's Chromium driven by playwright-core.
const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/web-e2e.json` }]] : ['default'],
  },
});
