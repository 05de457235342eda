import { defineConfig } from 'tsup';

// ESM and CommonJS with types for the library entry points; the CLI is ESM only.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', contract: 'src/contract/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // No `clean`: the build script empties dist first, so this config cannot delete the CLI's output.
    // import.meta.url locates the spec in the CommonJS build too.
    shims: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
