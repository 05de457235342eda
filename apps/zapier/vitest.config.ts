import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The app tester talks to a real sandbox over loopback; the sandbox's 429 fault is the
    // slowest path and stays well under this.
    testTimeout: 20_000,
  },
});
