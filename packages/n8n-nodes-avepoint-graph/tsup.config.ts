import { defineConfig } from 'tsup';

// n8n loads community nodes with require(): CommonJS, one file per node and credential, with
// core's protocol bundled in so the published package has no runtime dependencies. n8n-workflow
// is the n8n instance's own copy (a peer dependency).
export default defineConfig({
  entry: {
    'credentials/AvePointGraphApi.credentials': 'credentials/AvePointGraphApi.credentials.ts',
    'nodes/AvePointGraph/AvePointGraph.node': 'nodes/AvePointGraph/AvePointGraph.node.ts',
  },
  outDir: 'dist',
  format: ['cjs'],
  outExtension: () => ({ js: '.js' }),
  platform: 'node',
  target: 'node20',
  external: ['n8n-workflow'],
  noExternal: [/^@avepoint-graph-kit\//],
  clean: true,
  sourcemap: false,
  splitting: false,
});
