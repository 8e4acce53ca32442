import { defineConfig } from 'vitest/config';

// In CI each run also writes a JSON report that .ci/summary.mjs adds up.
const jsonDir = process.env.VITEST_JSON_DIR;
const runName = process.env.VITEST_RUN_NAME ?? 'run';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: jsonDir ? ['default', ['json', { outputFile: `${jsonDir}/calendar-${runName}.json` }]] : ['default'],
  },
});
