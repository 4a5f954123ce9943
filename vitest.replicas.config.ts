import { defineConfig } from 'vitest/config';

/** `npm run test:replicas`: two app processes on one real PostgreSQL (test/replicas). */
export default defineConfig({
  test: {
    include: ['test/replicas/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
