// The real-n8n end-to-end suites against several n8n versions, one after the other: each version
// is installed by ensure-n8n.sh (once: 5-10 minutes and ~3 GB), then the suites run with
// N8N_VERSION set, and a table says per version whether it installed, on which Node, what passed
// and how long it took. Not part of `pnpm test`: CI tests 2.40.7 only.
//
//   node scripts/n8n-matrix.mjs [version ...] [--json FILE]
//
// Default versions: 2.40.7 (what CI runs), 2.41.1 (the newest 2.x the registry here can install:
// 2.41.0 and 2.41.3 depend on an @n8n/agents it does not serve) and 1.123.81 (the last 1.x).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TESTS_ROOT } from './lib/n8n-harness.mjs';

const DEFAULT_VERSIONS = ['2.40.7', '2.41.1', '1.123.81'];

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt === -1 ? undefined : args.splice(jsonAt, 2)[1];
const versions = args.length > 0 ? args : DEFAULT_VERSIONS;

// The suites that start n8n; the standalone export's build does not depend on n8n's version.
const SUITES = readdirSync(join(TESTS_ROOT, 'test/e2e'))
	.filter((f) => f.endsWith('.e2e.test.ts') && !f.startsWith('standalone-export'))
	.sort()
	.map((f) => `test/e2e/${f}`);

/** Runs a child, echoing its output with a prefix, and keeps the tail of it for the report. */
function run(command, argv, { env, prefix }) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(command, argv, { cwd: TESTS_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const echo = (d) => {
			output = (output + d).slice(-20_000);
			for (const line of String(d).split('\n')) if (line.trim()) process.stderr.write(`${prefix} ${line}\n`);
		};
		child.stdout.on('data', echo);
		child.stderr.on('data', echo);
		child.on('close', (code) => resolve({ code, output, seconds: Math.round((Date.now() - started) / 1000) }));
	});
}

/** A failure's message without its stack frames, at most 12 lines. */
const withoutStack = (text) =>
	text
		.split('\n')
		.filter((line) => !/^\s+at /.test(line))
		.slice(0, 12)
		.join('\n');

const minutes = (s) => (s === undefined ? '-' : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`);

/** What ensure-n8n.sh wrote when it installed the runtime: `n8n=... node=v22.x seconds=N date=...`. */
function readyMarker(runtime) {
	const file = join(runtime, '.ready');
	if (!existsSync(file)) return {};
	return Object.fromEntries(
		readFileSync(file, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.map((pair) => pair.split('=')),
	);
}

async function testVersion(version) {
	const prefix = `[${version}]`;
	const env = { ...process.env, N8N_VERSION: version };
	const result = { version, installed: false };

	const install = await run('bash', [join(TESTS_ROOT, 'scripts/ensure-n8n.sh')], { env, prefix });
	if (install.code !== 0) {
		result.installError = install.output.trim().split('\n').slice(-15).join('\n');
		result.installSeconds = install.seconds;
		return result;
	}
	const runtime = install.output.trim().split('\n').pop();
	const marker = readyMarker(runtime);
	result.installed = true;
	// Installed during this run (ensure-n8n.sh says so), or earlier: then its marker says how long
	// that took (runtimes installed before the marker recorded it do not say).
	result.installedEarlier = !/installing n8n@/.test(install.output);
	result.installSeconds = !result.installedEarlier ? install.seconds : marker.seconds ? Number(marker.seconds) : undefined;
	const nodeVersion = await run(join(runtime, '.node-bin/node'), ['--version'], { env, prefix });
	result.node = nodeVersion.output.trim();

	const scratch = mkdtempSync(join(tmpdir(), 'n8n-matrix-'));
	const report = join(scratch, 'vitest.json');
	const vitest = join(TESTS_ROOT, 'node_modules/.bin/vitest');
	const tests = await run(
		vitest,
		['run', '--config', 'vitest.e2e.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...SUITES],
		{ env: { ...env, NO_COLOR: '1' }, prefix },
	);
	result.testSeconds = tests.seconds;
	if (existsSync(report)) {
		const json = JSON.parse(readFileSync(report, 'utf8'));
		result.passed = json.numPassedTests;
		result.failed = json.numFailedTests;
		result.total = json.numTotalTests;
		result.failures = [];
		for (const file of json.testResults) {
			const name = file.name.slice(file.name.indexOf('test/e2e/'));
			// A failing beforeAll fails the file with no assertion results of its own.
			if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')) {
				result.failures.push({ test: `${name} (setup)`, message: withoutStack(file.message) });
			}
			for (const a of file.assertionResults) {
				if (a.status === 'failed')
					result.failures.push({ test: `${name} > ${a.fullName}`, message: withoutStack(a.failureMessages.join('\n')) });
			}
		}
	} else {
		result.testError = tests.output.trim().split('\n').slice(-15).join('\n');
	}
	rmSync(scratch, { recursive: true, force: true });
	return result;
}

const results = [];
for (const version of versions) results.push(await testVersion(version));

const date = new Date().toISOString().slice(0, 10);
const lines = [
	`n8n matrix, ${date}: ${SUITES.join(', ')}`,
	'',
	'| n8n | installed | Node | tests passed / failed (of total) | install time | test time |',
	'| --- | --- | --- | --- | --- | --- |',
	...results.map((r) =>
		[
			r.version,
			r.installed ? (r.installedEarlier ? 'yes (cached)' : 'yes') : 'no',
			r.node ?? '-',
			r.total === undefined ? '-' : `${r.passed} / ${r.failed} (of ${r.total})`,
			minutes(r.installSeconds),
			minutes(r.testSeconds),
		]
			.join(' | ')
			.replace(/^/, '| ')
			.replace(/$/, ' |'),
	),
];
for (const r of results) {
	if (r.installError) lines.push('', `${r.version}: install failed:`, r.installError);
	if (r.testError) lines.push('', `${r.version}: vitest did not report:`, r.testError);
	for (const f of r.failures ?? []) lines.push('', `${r.version}: FAILED ${f.test}`, f.message);
}
console.log(lines.join('\n'));
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ date, suites: SUITES, results }, null, 2));
process.exitCode = results.every((r) => r.installed && r.failed === 0 && r.total > 0) ? 0 : 1;
