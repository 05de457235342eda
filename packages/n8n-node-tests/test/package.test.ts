// The published package: what n8n verifies before it lists a community node for its Cloud.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NODE_PACKAGE_ROOT } from '../scripts/lib/n8n-harness.mjs';
import { packAndUnpack } from './helpers/packTarball';
import { scan } from './helpers/scanPackage';

const walk = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});

let unpacked: string;
const scratch: string[] = [];
let manifest: Record<string, unknown> & { n8n: { nodes: string[]; credentials: string[] } };

beforeAll(async () => {
	unpacked = (await packAndUnpack()).dir;
	scratch.push(dirname(unpacked));
	manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as typeof manifest;
}, 120_000);

afterAll(() => {
	for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
	it("passes n8n's community package scanner (analyzePackage on the unpacked tarball, as n8n runs it)", () => {
		const result = scan(unpacked, 'dist');
		expect(result.details ?? result.message ?? '').toBe('');
		expect(result.passed).toBe(true);
	}, 120_000);

	it('the scanner is not blind: the same tarball with a setTimeout in it fails', () => {
		const copy = mkdtempSync(join(tmpdir(), 'n8n-scan-negative-'));
		scratch.push(copy);
		cpSync(unpacked, copy, { recursive: true });
		const nodeFile = join(copy, manifest.n8n.nodes[0]!);
		writeFileSync(nodeFile, `${readFileSync(nodeFile, 'utf8')}\nsetTimeout(() => {}, 1);\n`);
		const result = scan(copy, 'dist');
		expect(result.passed).toBe(false);
		expect(result.details).toMatch(/setTimeout/);
	}, 120_000);

	it('the sources pass the scanner too (what n8n lints from the provenance-attested repository)', () => {
		const result = scan(NODE_PACKAGE_ROOT, 'source');
		expect(result.details ?? result.message ?? '').toBe('');
		expect(result.passed).toBe(true);
	}, 120_000);

	it('holds only dist, README, LICENSE and package.json, with no runtime dependencies', () => {
		const files = walk(unpacked).map((f) => relative(unpacked, f));
		expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE.md'].includes(f))).toEqual([]);
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(JSON.stringify(manifest.devDependencies)).not.toContain('workspace:');
	});

	it('the n8n block points at files in the tarball, with their icons and codex beside them', () => {
		expect(manifest.n8n).toMatchObject({ n8nNodesApiVersion: 1 });
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(existsSync(join(unpacked, file))).toBe(true);
		for (const asset of [
			'dist/nodes/AvePointGraph/AvePointGraph.node.json',
			'dist/nodes/AvePointGraph/avePointGraph.svg',
			'dist/nodes/AvePointGraph/avePointGraph.dark.svg',
			'dist/credentials/avePointGraph.svg',
			'dist/credentials/avePointGraph.dark.svg',
		]) {
			expect(existsSync(join(unpacked, asset)), asset).toBe(true);
		}
	});

	it("the compiled files require only n8n-workflow, node:crypto and the package's own files: the protocol is compiled in", () => {
		const dist = join(unpacked, 'dist');
		const ownFile = (from: string, r: string) => {
			const target = resolve(dirname(from), r);
			return target.startsWith(`${dist}/`) && [target, `${target}.js`, join(target, 'index.js')].some((f) => existsSync(f));
		};
		for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
			const required = [...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
			expect(new Set(required), relative(unpacked, file)).toEqual(
				new Set(
					required.filter((r) => r === 'n8n-workflow' || r === 'node:crypto' || r === 'crypto' || (r.startsWith('.') && ownFile(file, r))),
				),
			);
		}
	});

	it('loads with require() the way n8n loads it, under the settled names', () => {
		const requireFromPackage = createRequire(join(NODE_PACKAGE_ROOT, 'package.json'));
		const { AvePointGraph } = requireFromPackage(join(unpacked, manifest.n8n.nodes[0]!)) as {
			AvePointGraph: new () => {
				description: { name: string; usableAsTool?: boolean; credentials: Array<{ name: string }>; properties: Array<{ name: string }> };
			};
		};
		const { AvePointGraphApi } = requireFromPackage(join(unpacked, manifest.n8n.credentials[0]!)) as {
			AvePointGraphApi: new () => { name: string };
		};
		const node = new AvePointGraph().description;
		expect(node.name).toBe('avePointGraph');
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials.map((c) => c.name)).toEqual(['avePointGraphApi']);
		expect(node.properties.map((p) => p.name)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'customerId', 'tenantId', 'userIds', 'returnAll', 'limit']),
		);
		expect(new AvePointGraphApi().name).toBe('avePointGraphApi');
	});
});
