// The demo environment: the sandbox, and an n8n editor with the AvePoint Graph node loaded, the credential
// pointing at the sandbox, demo workflows imported and an owner account ready to log in.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '@avepoint-graph-kit/sandbox';

import { N8nInstance, NODE_PACKAGE_ROOT, freePort } from './n8n-harness.mjs';
import { DIRECTORY_CREDENTIAL, locator, sandboxCredentials, workflow } from './workflows.mjs';

export const OWNER = { email: 'demo@avepoint-graph-kit.test', firstName: 'Demo', lastName: 'Owner', password: 'AvePoint-Demo-2026' };
export const DEMO_WORKFLOW_ID = 'avepointDemoUsrs';
export const ALL_USERS_WORKFLOW_ID = 'avepointDemoAllU';
export const ALL_TENANTS_WORKFLOW_ID = 'avepointDemoAllT';

async function portOr(preferred) {
	const { createServer } = await import('node:net');
	const free = await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	return free ? preferred : await freePort();
}

/**
 * `folder`: n8n's user folder to keep between runs (what the user built in the editor survives a
 * restart); the demo workflows are imported into it once, the credentials every time (the
 * sandbox's port may change). Without it, a temporary folder deleted on close.
 */
export async function startDemo({ log = () => {}, folder } = {}) {
	if (!existsSync(join(NODE_PACKAGE_ROOT, 'dist/nodes/AvePointGraph/AvePointGraph.node.js'))) {
		throw new Error('dist is missing: run `pnpm build` first (the root `pnpm demo` does it)');
	}
	const sandbox = await startSandbox({ port: await portOr(4010), users: 250 });
	if (folder) mkdirSync(folder, { recursive: true });
	const imported = folder !== undefined && existsSync(join(folder, '.demo-workflows-imported'));
	const n8n = await N8nInstance.create({
		port: Number(process.env.N8N_PORT ?? (await portOr(5678))),
		...(folder ? { userFolder: folder } : {}),
	});
	const release = () => (folder ? undefined : n8n.dispose());
	try {
		const customer = sandbox.customers[0];
		const tenant = customer.tenants[0];
		const at = (i) => sandbox.userAt(0, 0, i).id;
		log(imported ? 'updating the sandbox credentials' : 'importing the sandbox credentials and the demo workflows');
		await n8n.importCredentials(sandboxCredentials(sandbox));
		if (!imported)
			await n8n.importWorkflows([
				workflow({
					id: DEMO_WORKFLOW_ID,
					name: 'AvePoint Graph: users by ID from several items',
					rows: [
						{ ticket: 'HR-101', userIds: [at(0), at(1)] },
						{ ticket: 'HR-102', userIds: `${at(2)}, ${at(3)}` },
						{ ticket: 'HR-103', userIds: [at(4), 'ffffffff-ffff-4fff-8fff-ffffffffffff'] },
					],
					typeVersion: 2,
					credential: DIRECTORY_CREDENTIAL,
					parameters: {
						customerId: locator(customer.customerId, 'list', customer.name),
						tenantId: locator(tenant.tenantId, 'list', tenant.name),
						userIds: '={{ $json.userIds }}',
						options: { includeNotFound: true },
					},
				}),
				workflow({
					id: ALL_USERS_WORKFLOW_ID,
					name: 'AvePoint Graph: every user of a tenant',
					typeVersion: 2,
					credential: DIRECTORY_CREDENTIAL,
					parameters: {
						customerId: locator(customer.customerId, 'list', customer.name),
						tenantId: locator(tenant.tenantId, 'list', tenant.name),
						userIds: '',
						returnAll: true,
					},
				}),
				workflow({
					id: ALL_TENANTS_WORKFLOW_ID,
					name: 'AvePoint Graph: users with MFA disabled in every tenant',
					typeVersion: 2,
					credential: DIRECTORY_CREDENTIAL,
					parameters: {
						customerId: locator('allCustomers', 'list', 'All Customers'),
						tenantId: locator('allTenants', 'list', 'All Tenants'),
						userIds: '',
						returnAll: true,
						options: { status: ['mfaDisabled'] },
					},
				}),
			]);
		if (folder && !imported) writeFileSync(join(folder, '.demo-workflows-imported'), `${new Date().toISOString()}\n`);
		log('starting the n8n editor');
		await n8n.start();
		const res = await fetch(`${n8n.url()}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!res.ok) {
			const answer = await res.text();
			// A kept folder has its owner from an earlier run, with the same login.
			if (!(imported && res.status === 400 && /already/i.test(answer))) throw new Error(`owner setup failed: HTTP ${res.status} ${answer}`);
		}
		return {
			sandbox,
			n8n,
			url: n8n.url(),
			async close() {
				await n8n.stop();
				release();
				await sandbox.close();
			},
		};
	} catch (error) {
		await n8n.stop();
		release();
		await sandbox.close();
		throw error;
	}
}
