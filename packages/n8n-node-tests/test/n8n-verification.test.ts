// What n8n's verification asks of the package's sources, beyond lint: the starter's layout and
// ESLint configuration unchanged, strict mode (`n8n-node cloud-support` says eligible), a
// self-contained tsconfig, and sources that import nothing n8n Cloud would have to install.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { NODE_PACKAGE_ROOT } from '../scripts/lib/n8n-harness.mjs';

const at = (...parts: string[]) => join(NODE_PACKAGE_ROOT, ...parts);
const manifest = JSON.parse(readFileSync(at('package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const CLI_TEMPLATES = at('node_modules/@n8n/node-cli/dist/template/templates');

const walk = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});

describe("the node package's sources, as n8n verifies them", () => {
	it("hold what n8n's starter holds, and nothing else", () => {
		// dist and node_modules are build output; .github, .gitignore and a lockfile belong to the standalone export.
		const ignored = new Set(['dist', 'node_modules', '.turbo', '.git', '.github', '.gitignore', 'package-lock.json']);
		expect(
			readdirSync(NODE_PACKAGE_ROOT)
				.filter((name) => !ignored.has(name))
				.sort(),
		).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'credentials', 'eslint.config.mjs', 'nodes', 'package.json', 'tsconfig.json']);
	});

	it("use the starter's eslint.config.mjs verbatim", () => {
		expect(readFileSync(at('eslint.config.mjs'), 'utf8')).toBe(
			readFileSync(join(CLI_TEMPLATES, 'shared/default/eslint.config.mjs'), 'utf8'),
		);
	});

	it('are eligible for n8n Cloud: `n8n-node cloud-support` says so (strict mode, default ESLint config)', () => {
		const child = spawnSync(at('node_modules/.bin/n8n-node'), ['cloud-support'], {
			cwd: NODE_PACKAGE_ROOT,
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		expect(child.status, child.stderr).toBe(0);
		expect(child.stdout).toContain('Status: eligible for n8n Cloud verification');
		expect(child.stdout).not.toContain('NOT eligible');
		expect(manifest.n8n).toMatchObject({ strict: true });
	}, 60_000);

	it("build with the starter's scripts and a tsconfig that extends nothing outside the package", () => {
		expect(manifest.scripts).toMatchObject({
			build: 'n8n-node build',
			lint: 'n8n-node lint',
			release: 'n8n-node release',
			prepublishOnly: 'n8n-node prerelease',
		});
		const tsconfig = JSON.parse(readFileSync(at('tsconfig.json'), 'utf8')) as {
			extends?: string;
			compilerOptions: Record<string, unknown>;
		};
		expect(tsconfig.extends).toBeUndefined();
		expect(tsconfig.compilerOptions).toMatchObject({ module: 'commonjs', outDir: './dist/' });
	});

	it("import only n8n-workflow, node:crypto and their own files (core's protocol is copied in)", () => {
		const sources = [...walk(at('nodes')), ...walk(at('credentials'))].filter((file) => file.endsWith('.ts'));
		const imported = sources.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => ({
				file: relative(NODE_PACKAGE_ROOT, file),
				specifier: m[1]!,
			})),
		);
		expect(imported.length).toBeGreaterThan(20);
		expect(imported.filter(({ specifier }) => !['n8n-workflow', 'node:crypto'].includes(specifier) && !specifier.startsWith('.'))).toEqual(
			[],
		);
	});

	it('need no workspace package, at run time or to build', () => {
		expect(manifest.dependencies).toBeUndefined();
		const all = { ...manifest.devDependencies, ...manifest.peerDependencies };
		expect(Object.keys(all).filter((name) => name.startsWith('@avepoint-graph-kit/'))).toEqual([]);
		expect(Object.values(all).filter((range) => range.startsWith('workspace:'))).toEqual([]);
	});
});
