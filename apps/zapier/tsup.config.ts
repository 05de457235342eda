import { defineConfig } from 'tsup';

// Zapier loads the app by package name: `import` (ESM apps, zapierwrapper.mjs) or `require`
// (its CLI's first try). Core and openapi-fetch are bundled in, so the deployed zip needs only
// zapier-platform-core from npm: the workspace packages are never published at the version
// the app would name.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  cjsInterop: true,
  splitting: true,
  noExternal: ['@avepoint-graph-kit/core', 'openapi-fetch'],
  external: ['zapier-platform-core'],
});
