import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'fuzz/**/*.test.ts', 'demo/**/*.test.ts'],
    // the test CA must exist before the test processes start, so that NODE_EXTRA_CA_CERTS reaches them
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
