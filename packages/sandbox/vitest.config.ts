import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test talks to a real server on 127.0.0.1; two cores are shared, so keep files serial-ish.
    maxWorkers: 2,
  },
});
