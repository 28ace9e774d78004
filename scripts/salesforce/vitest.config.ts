import { defineConfig } from 'vitest/config';

// Self-tests of the offline Salesforce validation suite (broken fixtures must make checks fail).
export default defineConfig({
  test: {
    include: ['scripts/salesforce/**/*.test.ts'],
    exclude: ['scripts/salesforce/fixtures/**'],
    testTimeout: 60_000,
  },
});
