import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packed-tarball test runs in test:e2e (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', '**/node_modules/**'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // Every test talks to a real server on 127.0.0.1; two cores are shared, so keep files serial-ish.
    maxWorkers: 2,
    // Generous: CI runs other packages' suites on the same two cores; speed is the bench's job.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
