import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e files each start Chromium; two cores, so keep files from piling up.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-output/results.json' }]],
  },
});
