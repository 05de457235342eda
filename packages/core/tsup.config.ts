import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The version in the User-Agent comes from package.json at build time (Changesets bumps it there).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __CORE_VERSION__: JSON.stringify(version) };

// ESM and CommonJS with types for the library entry points; the CLI is ESM only.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', protocol: 'src/protocol/index.ts', engine: 'src/engine/index.ts' },
    format: ['esm', 'cjs'],
    // Shared chunks in CommonJS too: without them each entry's bundle carries its own copy of the
    // error classes, and `instanceof AvePointApiError` fails across `require('.../protocol')`.
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    define,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
