import { defineConfig } from 'vitest/config';

// In CI each run also writes a JSON report that .ci/summary.mjs adds up.
const jsonDir = process.env.VITEST_JSON_DIR;
const runName = process.env.VITEST_RUN_NAME ?? 'run';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/server-${runName}.json` }]] : ['default'],
  },
});
