import { defineConfig } from 'vitest/config';

// A real n8n runs each workflow: minutes, one file at a time (the machine is shared).
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.e2e.test.ts'],
		testTimeout: 180_000,
		hookTimeout: 1_200_000,
		fileParallelism: false,
		// Whole messages in failures: what n8n said is the finding (the matrix reports it verbatim).
		chaiConfig: { truncateThreshold: 0 },
	},
});
