import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // n8n runs nodes against n8n-workflow's CommonJS build; so do the tests (its ESM build needs a bundler).
  resolve: { alias: { 'n8n-workflow': require.resolve('n8n-workflow') } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    testTimeout: 60_000,
    server: { deps: { external: [/n8n-workflow/] } },
  },
});
