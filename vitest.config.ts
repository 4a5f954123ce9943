import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // two app processes on PostgreSQL under load: its own run (`npm run test:replicas`, vitest.replicas.config.ts)
    exclude: ['test/replicas/**', '**/node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
