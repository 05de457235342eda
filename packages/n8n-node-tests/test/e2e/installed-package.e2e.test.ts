// The packed tarball, installed the way n8n's Community Nodes panel installs a package (unpacked
// into the user folder's nodes/node_modules, dependency fields stripped), loads and runs in n8n.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { N8nInstance, nodeItems } from '../../scripts/lib/n8n-harness.mjs';
import { AVEPOINT_NODE_NAME, CERTIFICATE_CREDENTIAL, sandboxCredentials, workflow } from '../../scripts/lib/workflows.mjs';
import { packAndUnpack } from '../helpers/packTarball';

let sandbox: Sandbox;
let n8n: N8nInstance;
let scratch: string;

beforeAll(async () => {
	sandbox = await startSandbox({ users: 120, seed: 3 });
	const { dir } = await packAndUnpack();
	scratch = dirname(dir);
	n8n = await N8nInstance.create({ customExtensions: null });
	const packageName = n8n.installCommunityPackage(dir);
	const customer = sandbox.customers[0]!;
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([
		workflow({
			id: 'e2eInstalledPack',
			name: 'Installed package',
			nodeType: `${packageName}.avePointGraph`,
			credential: CERTIFICATE_CREDENTIAL,
			parameters: { customerId: customer.customerId, tenantId: customer.tenants[0]!.tenantId, userIds: '', returnAll: true },
		}),
	]);
}, 1_200_000);

afterAll(async () => {
	n8n?.dispose();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
	await sandbox?.close();
});

describe('the published package, installed like the Community Nodes panel does', () => {
	it('loads as n8n-nodes-avepoint-graph.avePointGraph and reads every user of a tenant', async () => {
		const result = await n8n.execute('e2eInstalledPack');
		expect(result.exitCode, result.stdout.slice(-2000)).toBe(0);
		const items = nodeItems(result.run, AVEPOINT_NODE_NAME);
		expect(items.map((i) => i.json.id)).toEqual(Array.from({ length: 120 }, (_, i) => sandbox.userAt(0, 0, i).id));
	});
});
