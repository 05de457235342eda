// The node's public surface is the parameter names saved workflows hold. The README's tables
// ("name in workflows") must name exactly the parameters version 2 of each operation has: one
// added to the node without a line in the README fails, and so does a README line for one gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';
import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { describe, expect, it } from 'vitest';

import { NODE_PACKAGE_ROOT } from '../scripts/lib/n8n-harness.mjs';

const readme = readFileSync(join(NODE_PACKAGE_ROOT, 'README.md'), 'utf8');
const { properties } = new AvePointGraph().description;

const shownFor = (property: INodeProperties, operation: string, version: number): boolean => {
	const show = property.displayOptions?.show ?? {};
	const versions = show['@version'] as number[] | undefined;
	const operations = show.operation as string[] | undefined;
	return (!versions || versions.includes(version)) && (!operations || operations.includes(operation));
};

/** Parameter names as a workflow stores them: collections' options as `options.pageSize`. */
function parameterNames(operation: string, version: number): string[] {
	return properties
		.filter((p) => p.name !== 'resource' && p.name !== 'operation' && shownFor(p, operation, version))
		.flatMap((p) => (p.type === 'collection' ? (p.options as INodeProperties[]).map((o) => `${p.name}.${o.name}`) : [p.name]))
		.filter((name, i, all) => all.indexOf(name) === i);
}

/** The second column of the parameter table under a heading: every backticked name in it. */
function readmeNames(heading: string): string[] {
	const start = readme.indexOf(`\n${heading}\n`);
	if (start < 0) throw new Error(`README has no heading "${heading}"`);
	const section = readme.slice(start + 1, readme.indexOf('\n### ', start + 1));
	const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| parameter'));
	return rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([\w.]+)`/g)].map((m) => m[1]!));
}

describe("the README's parameter tables", () => {
	it.each([
		['getUsersBatch', '### User > Get Users Batch'],
		['get', '### User > Get'],
	])('version 2 of %s: the README names exactly its parameters', (operation, heading) => {
		expect(readmeNames(heading).sort()).toEqual(parameterNames(operation, 2).sort());
	});

	it('finds parameters on both sides (the comparison is not of two empty lists)', () => {
		expect(parameterNames('getUsersBatch', 2)).toEqual(expect.arrayContaining(['customerId', 'tenantId', 'userIds', 'options.status']));
		expect(readmeNames('### User > Get')).toEqual(expect.arrayContaining(['userId']));
	});
});
