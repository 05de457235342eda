import { defineConfig } from 'vitest/config';

// The packed-tarball test: slow (npm install), so it runs in test:e2e rather than in test.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
