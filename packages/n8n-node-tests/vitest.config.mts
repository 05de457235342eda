import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

import { NODE_PACKAGE_ROOT } from './scripts/lib/n8n-harness.mjs';

// The unit tests load the node package's built dist, the files n8n require()s, not its sources.
// Both the dist and the tests take n8n-workflow from the node package, so that they share one copy
// (instanceof NodeApiError holds); n8n runs nodes against its CommonJS build, and so do the tests.
const requireFromNodePackage = createRequire(join(NODE_PACKAGE_ROOT, 'package.json'));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
	resolve: {
		alias: {
			'n8n-nodes-avepoint-graph': NODE_PACKAGE_ROOT,
			'n8n-workflow': requireFromNodePackage.resolve('n8n-workflow'),
		},
	},
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**'],
		testTimeout: 60_000,
		// Loaded by Node itself, as n8n loads them: the dist is CommonJS and requires n8n-workflow.
		server: { deps: { external: [/n8n-workflow/, new RegExp(`^${escape(join(NODE_PACKAGE_ROOT, 'dist'))}/`)] } },
	},
});
