// The standalone export (scripts/export-n8n-node.mjs), built from scratch the way its own
// repository's workflows build it: `npm install` from the registry, `n8n-node lint`,
// `n8n-node build`, then the unit tests against its dist and both legs of n8n's scan (the
// attested sources, and the tarball `npm publish` would upload).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TESTS_ROOT } from '../../scripts/lib/n8n-harness.mjs';
import { packAndUnpack } from '../helpers/packTarball';
import { scan } from '../helpers/scanPackage';

const ROOT = resolve(TESTS_ROOT, '../..');
const REPOSITORY = 'https://github.com/avepoint-graph-kit/n8n-nodes-avepoint-graph';
const MINUTES = 60_000;

let scratch: string;
let exportDir: string;
const unpackedScratch: string[] = [];

// The children run as they would outside this test: without vitest's variables, and without its
// NODE_ENV=test, under which eslint-plugin-n8n-nodes-base lints as if for its own test fixtures.
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
	const child = spawnSync(command, args, { cwd, env: { ...plainEnv, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (child.error) throw child.error;
	return child;
}

const output = (child: SpawnSyncReturns<string>) => `${child.stdout}\n${child.stderr}`.slice(-6000);

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'n8n-node-export-'));
	exportDir = join(scratch, 'n8n-nodes-avepoint-graph');
	const exported = run(process.execPath, [join(ROOT, 'scripts/export-n8n-node.mjs'), exportDir, '--repository', REPOSITORY], ROOT);
	expect(exported.status, output(exported)).toBe(0);
});

afterAll(() => {
	for (const dir of [scratch, ...unpackedScratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the standalone export of the node package', () => {
	it('is a single-package repository: its own repository URL, no directory, pinned versions, no lockfile', () => {
		const manifest = JSON.parse(readFileSync(join(exportDir, 'package.json'), 'utf8')) as Record<string, any>;
		expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git` });
		expect(manifest.private).toBeUndefined();
		expect(JSON.stringify(manifest)).not.toContain('workspace:');
		for (const version of Object.values(manifest.devDependencies as Record<string, string>)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(manifest.devDependencies).toMatchObject({ '@n8n/node-cli': '0.48.3' });
		for (const file of [
			'.github/workflows/ci.yml',
			'.github/workflows/publish.yml',
			'.gitignore',
			'LICENSE.md',
			'README.md',
			'CHANGELOG.md',
		]) {
			expect(existsSync(join(exportDir, file)), file).toBe(true);
		}
		expect(existsSync(join(exportDir, 'package-lock.json'))).toBe(false);
		expect(existsSync(join(exportDir, 'dist'))).toBe(false);
	});

	it(
		'its sources, as committed, pass the source leg of the scanner (package.json, {nodes,credentials}/**)',
		() => {
			const result = scan(exportDir, 'source');
			expect(result.details ?? result.message ?? '').toBe('');
			expect(result.passed).toBe(true);
		},
		2 * MINUTES,
	);

	it(
		'installs from the npm registry alone, as its workflows install it',
		() => {
			const child = run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], exportDir);
			expect(child.status, output(child)).toBe(0);
			expect(existsSync(join(exportDir, 'node_modules/.bin/n8n-node'))).toBe(true);
		},
		10 * MINUTES,
	);

	it(
		'passes `n8n-node lint` (strict mode: the default ESLint config is verified too)',
		() => {
			const child = run('npm', ['run', 'lint'], exportDir, { NO_COLOR: '1' });
			expect(child.status, output(child)).toBe(0);
			expect(child.stdout).not.toMatch(/\d+ problems?/);
		},
		3 * MINUTES,
	);

	it(
		'builds with `n8n-node build` into the CommonJS files, icons and codex n8n loads',
		() => {
			const child = run('npm', ['run', 'build'], exportDir, { NO_COLOR: '1' });
			expect(child.status, output(child)).toBe(0);
			for (const file of [
				'credentials/AvePointGraphApi.credentials.js',
				'credentials/avePointGraph.svg',
				'credentials/avePointGraph.dark.svg',
				'nodes/AvePointGraph/AvePointGraph.node.js',
				'nodes/AvePointGraph/AvePointGraph.node.json',
				'nodes/AvePointGraph/avePointGraph.svg',
				'nodes/AvePointGraph/avePointGraph.dark.svg',
			]) {
				expect(existsSync(join(exportDir, 'dist', file)), file).toBe(true);
			}
		},
		3 * MINUTES,
	);

	it(
		"passes the node's unit tests, run against the export's dist",
		() => {
			// A vitest of its own (the unit suite, vitest.config.mts), pointed at the export.
			const child = run(join(TESTS_ROOT, 'node_modules/.bin/vitest'), ['run'], TESTS_ROOT, {
				N8N_NODE_PACKAGE_DIR: exportDir,
				NO_COLOR: '1',
			});
			expect(child.status, output(child)).toBe(0);
			const summary = /Tests\s+(\d+) passed/.exec(child.stdout);
			expect(Number(summary?.[1] ?? 0), output(child)).toBeGreaterThanOrEqual(50);
			expect(child.stdout).not.toMatch(/\d+ failed/);
		},
		5 * MINUTES,
	);

	it(
		'its tarball (`npm pack`, as `npm publish` uploads it) passes the tarball leg of the scanner (**/*.js, package.json)',
		async () => {
			const { dir } = await packAndUnpack(exportDir);
			unpackedScratch.push(dirname(dir));
			expect(existsSync(join(dir, 'dist/nodes/AvePointGraph/AvePointGraph.node.js'))).toBe(true);
			const result = scan(dir, 'dist');
			expect(result.details ?? result.message ?? '').toBe('');
			expect(result.passed).toBe(true);
		},
		2 * MINUTES,
	);
});
