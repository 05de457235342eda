// n8n's scanner, in a Node process of its own as n8n runs it; analyzePackage() works offline on a folder.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { expect } from 'vitest';

import { TESTS_ROOT } from '../../scripts/lib/n8n-harness.mjs';

export interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

/** 'source': package.json and {nodes,credentials}/** as n8n lints the attested repository; 'dist': the tarball's .js and package.json. */
export function scan(dir: string, mode: 'dist' | 'source'): ScanResult {
	// Without vitest's NODE_ENV=test, under which eslint-plugin-n8n-nodes-base checks file names of its own fixtures.
	const { NODE_ENV: _testMode, ...env } = process.env;
	const child = spawnSync(process.execPath, [join(TESTS_ROOT, 'scripts/scan-package.mjs'), dir, mode], { encoding: 'utf8', env });
	const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as ScanResult;
	expect(child.status).toBe(result.passed ? 0 : 1);
	return result;
}
