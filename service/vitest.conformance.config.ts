import { defineConfig } from 'vitest/config';

/** Conformance run over ../shared fixtures (some are AGPL/LGPL and never copied into the repo). */
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['conformance/**/*.test.ts'],
    testTimeout: 120_000,
    passWithNoTests: true,
    pool: 'forks',
  },
});
