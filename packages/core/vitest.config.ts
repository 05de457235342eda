import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packed-tarball test (npm install from the registry) is test:e2e's, not test's.
    exclude: ['test/e2e/**', '**/node_modules/**'],
    // Ceilings, not measurements: CI runs every package at once on two cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
