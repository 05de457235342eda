// End to end: a real n8n 2.x (cached runtime) loads the node package's dist, imports credentials
// and workflows pointing at the sandbox, and `n8n execute` runs them. Outputs are checked item by
// item.
import { DEFAULT_RETRY_POLICY } from '@avepoint-graph-kit/core/protocol';
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { N8nInstance, nodeItems, type ExecuteResult, type RunItem } from '../../scripts/lib/n8n-harness.mjs';
import {
	AVEPOINT_NODE_NAME,
	CERTIFICATE_CREDENTIAL,
	SECRET_CREDENTIAL,
	USERS_ONLY_CREDENTIAL,
	branchesWorkflow,
	locator,
	sandboxCredentials,
	workflow,
} from '../../scripts/lib/workflows.mjs';

const USERS = 250;
const MISSING = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const UNKNOWN_CUSTOMER = '0badc0de-0000-4000-8000-000000000000';

let sandbox: Sandbox;
let n8n: N8nInstance;
const outputs: string[] = [];

const ids = (items: RunItem[]) => items.map((i) => i.json.id);
const pairedItemOf = (i: RunItem) => (Array.isArray(i.pairedItem) ? i.pairedItem[0]!.item : i.pairedItem?.item);

async function execute(id: string): Promise<ExecuteResult & { items: RunItem[] }> {
	sandbox.resetStats();
	const result = await n8n.execute(id);
	outputs.push(result.stdout, result.stderr);
	if (!result.run)
		throw new Error(`n8n printed no run (exit ${result.exitCode}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
	return { ...result, items: nodeItems(result.run, AVEPOINT_NODE_NAME) };
}

beforeAll(async () => {
	sandbox = await startSandbox({ users: USERS, seed: 7 });
	n8n = await N8nInstance.create();
	const contoso = sandbox.customers[0]!;
	const tenant = contoso.tenants[0]!;
	const outOfScope = sandbox.customers.find((c) => !c.inScope)!;
	const at = (i: number) => sandbox.userAt(0, 0, i).id;
	const base = { customerId: contoso.customerId, tenantId: tenant.tenantId };
	const v2Base = {
		customerId: locator(contoso.customerId, 'list', 'Contoso'),
		tenantId: locator(tenant.tenantId, 'list', 'Contoso Production'),
	};
	const research = sandbox.customers[2]!.tenants[1]!;
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([
		workflow({ id: 'e2eAllUsersOfTen', name: 'All users of a tenant', parameters: { ...base, userIds: '', returnAll: true } }),
		workflow({
			id: 'e2eIdsFromItemsX',
			name: 'IDs from several items',
			rows: [{ ids: [at(1), at(2)] }, { ids: `${at(2)},${MISSING}` }, { ids: [at(200)] }],
			parameters: { ...base, userIds: '={{ $json.ids }}', options: { includeNotFound: true } },
		}),
		workflow({
			id: 'e2eCertificateXX',
			name: 'Certificate credential',
			credential: CERTIFICATE_CREDENTIAL,
			parameters: { ...base, userIds: `${at(3)}, ${at(4)}`, simplify: false },
		}),
		workflow({
			id: 'e2eVersion2Field',
			name: 'Version 2, Selected Fields',
			typeVersion: 2,
			parameters: {
				...base,
				userIds: `${at(6)}, ${MISSING}`,
				output: 'fields',
				fields: ['mail', 'status'],
				options: { includeNotFound: true },
			},
		}),
		workflow({ id: 'e2eUnknownCustom', name: 'Unknown customer', parameters: { ...base, customerId: UNKNOWN_CUSTOMER, userIds: at(1) } }),
		// Version 2's directory: every branch runs in one `n8n execute` (see branchesWorkflow).
		branchesWorkflow({
			id: 'e2eDirectoryRead',
			name: 'Directory: Get, All Tenants, All Customers, Status',
			branches: [
				{
					name: 'Get user',
					parameters: {
						operation: 'get',
						customerId: locator(contoso.customerId, 'list', 'Contoso'),
						tenantId: locator(tenant.tenantId, 'id'),
						userId: at(41),
					},
				},
				{
					name: 'Get user, raw',
					parameters: {
						operation: 'get',
						customerId: locator(contoso.customerId, 'id'),
						tenantId: locator(tenant.tenantId, 'id'),
						userId: at(42),
						output: 'raw',
					},
				},
				{
					name: 'Get missing user',
					continueOnFail: true,
					parameters: {
						operation: 'get',
						customerId: locator(contoso.customerId, 'id'),
						tenantId: locator(tenant.tenantId, 'id'),
						userId: MISSING,
					},
				},
				{
					name: 'All tenants of Contoso',
					parameters: {
						customerId: locator(contoso.customerId, 'list', 'Contoso'),
						tenantId: locator('allTenants', 'list', 'All Tenants'),
						returnAll: true,
						output: 'fields',
						fields: ['mail'],
					},
				},
				{
					name: 'Inactive users of every customer',
					parameters: {
						customerId: locator('allCustomers'),
						tenantId: locator('allTenants'),
						returnAll: true,
						options: { status: ['inactive'] },
					},
				},
				{
					name: 'Status by ID',
					parameters: {
						...v2Base,
						userIds: Array.from({ length: 9 }, (_, i) => at(i)).join(','),
						options: { status: ['mfaDisabled', 'testUser'] },
					},
				},
				{
					name: 'A tenant of any customer',
					parameters: { customerId: locator('allCustomers'), tenantId: locator(research.tenantId, 'id'), returnAll: false, limit: 3 },
				},
				{
					name: 'Users-only app by ID',
					credential: USERS_ONLY_CREDENTIAL,
					parameters: { ...v2Base, userIds: at(1) },
				},
				{
					name: 'Users-only app, all tenants',
					credential: USERS_ONLY_CREDENTIAL,
					continueOnFail: true,
					parameters: { ...v2Base, tenantId: locator('allTenants'), returnAll: true },
				},
				{
					name: 'Old credential, all tenants',
					credential: SECRET_CREDENTIAL,
					continueOnFail: true,
					parameters: { ...v2Base, tenantId: locator('allTenants'), returnAll: true },
				},
				{
					// Exactly what version 1 saved: string IDs, Simplify, the old credential.
					name: 'Version 1 as saved',
					typeVersion: 1,
					credential: SECRET_CREDENTIAL,
					parameters: {
						customerId: contoso.customerId,
						tenantId: tenant.tenantId,
						userIds: `${at(7)}, ${MISSING}`,
						simplify: true,
						options: { includeNotFound: true },
					},
				},
			],
		}),
		workflow({
			id: 'e2eContinueOnFai',
			name: 'continueOnFail',
			continueOnFail: true,
			rows: [{ customer: contoso.customerId }, { customer: outOfScope.customerId }, { customer: 'not-a-guid' }],
			parameters: { ...base, customerId: '={{ $json.customer }}', userIds: at(5) },
		}),
	]);
}, 1_200_000);

afterAll(async () => {
	n8n?.dispose();
	await sandbox?.close();
});

describe('the AvePoint Graph node in a real n8n', () => {
	it('reads all users of a tenant, page by page', async () => {
		const { exitCode, items } = await execute('e2eAllUsersOfTen');
		expect(exitCode).toBe(0);
		expect(ids(items)).toEqual(Array.from({ length: USERS }, (_, i) => sandbox.userAt(0, 0, i).id));
		expect(items[0]!.json).toHaveProperty('statusLabels');
		expect(sandbox.stats().apiRequests).toBe(3);
	});

	it('sends IDs from several input items in one request, pairs users with their items, reports not-found IDs', async () => {
		const { exitCode, items } = await execute('e2eIdsFromItemsX');
		expect(exitCode).toBe(0);
		const at = (i: number) => sandbox.userAt(0, 0, i).id;
		expect(items.map((i) => [i.json.id, i.json.notFound === true, pairedItemOf(i)])).toEqual([
			[at(1), false, 0],
			[at(2), false, 0],
			[at(2), false, 1],
			[MISSING, true, 1],
			[at(200), false, 2],
		]);
		expect(sandbox.stats().apiRequests).toBe(1);
	});

	it('authenticates with a certificate (JWT client assertion) and returns raw users', async () => {
		const { exitCode, items } = await execute('e2eCertificateXX');
		expect(exitCode).toBe(0);
		expect(ids(items)).toEqual([sandbox.userAt(0, 0, 3).id, sandbox.userAt(0, 0, 4).id]);
		expect(items[0]!.json).toMatchObject({ userPrincipalName: sandbox.userAt(0, 0, 3).userPrincipalName });
		expect(sandbox.stats().tokenRequests).toBe(1);
	});

	it('waits out a 429 storm and still returns every user', async () => {
		sandbox.setFaults([{ match: { path: 'users', first: 3 }, status: 429, retryAfter: '1' }]);
		const { exitCode, items } = await execute('e2eAllUsersOfTen');
		sandbox.setFaults([]);
		expect(exitCode).toBe(0);
		expect(items).toHaveLength(USERS);
		expect(sandbox.stats().byStatus[429]).toBe(3);
		expect(sandbox.stats().apiRequests).toBe(6);
	});

	it('gives up on a storm that outlasts its retries, saying it was rate limited', async () => {
		sandbox.setFaults([{ match: { path: 'users' }, status: 429, retryAfter: '0' }]);
		const { exitCode, run } = await execute('e2eAllUsersOfTen');
		sandbox.setFaults([]);
		expect(exitCode).toBe(1);
		expect(run.data.resultData.error.message).toMatch(/rate limit/i);
		// One attempt and the retries the policy allows a page.
		expect(sandbox.stats().apiRequests).toBe(DEFAULT_RETRY_POLICY.maxRetries + 1);
	});

	it('gets a new token after a 401 (expired token) and carries on', async () => {
		sandbox.setFaults([{ match: { path: 'users', first: 1 }, expireTokens: true }]);
		const { exitCode, items } = await execute('e2eAllUsersOfTen');
		sandbox.setFaults([]);
		expect(exitCode).toBe(0);
		expect(items).toHaveLength(USERS);
		expect(sandbox.stats().byStatus[401]).toBe(1);
		expect(sandbox.stats().tokenRequests).toBe(1);
	});

	it('version 2 returns the Selected Fields, and a not-found row of the same shape', async () => {
		const { exitCode, items } = await execute('e2eVersion2Field');
		expect(exitCode).toBe(0);
		const user = sandbox.userAt(0, 0, 6);
		expect(items.map((i) => i.json)).toEqual([
			{ id: user.id, mail: user.mail, status: user.status, statusLabels: expect.any(Array), notFound: false },
			{ id: MISSING, mail: null, status: null, statusLabels: null, notFound: true, message: 'The tenant has no user with this ID' },
		]);
	});

	it('fails on an unknown customer ID with a message that says so', async () => {
		const { exitCode, run } = await execute('e2eUnknownCustom');
		expect(exitCode).toBe(1);
		expect(run.data.resultData.error.message).toMatch(/does not know this customer or tenant/);
	});

	it('with continueOnFail, failing items become error items and the good one still returns its user', async () => {
		const { exitCode, items } = await execute('e2eContinueOnFai');
		expect(exitCode).toBe(0);
		expect(items.map((i) => [i.json.id ?? 'error', pairedItemOf(i)])).toEqual([
			[sandbox.userAt(0, 0, 5).id, 0],
			['error', 1],
			['error', 2],
		]);
		expect(items[1]!.json.error).toMatch(/no access to this customer/);
		expect(items[2]!.json.error).toMatch(/^Customer ID must be a GUID .*\[item 2\]$/);
	});

	describe('version 2: Get, All Tenants, All Customers, the Status filter (one run)', () => {
		let run: ExecuteResult;
		const branch = (name: string) => nodeItems(run.run, name);
		const inScope = () => sandbox.customers.map((c, index) => ({ ...c, index })).filter((c) => c.inScope);

		beforeAll(async () => {
			sandbox.resetStats();
			run = await n8n.execute('e2eDirectoryRead');
			outputs.push(run.stdout, run.stderr);
			if (!run.run) throw new Error(`n8n printed no run (exit ${run.exitCode}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
		}, 180_000);

		it('runs every branch', () => {
			expect(run.exitCode).toBe(0);
			expect(Object.keys(run.run.data.resultData.runData).length).toBe(12);
		});

		it('Get returns one user in full: Simplified by default, Raw with every field', () => {
			const detail = sandbox.userDetailAt(0, 0, 41);
			expect(branch('Get user').map((i) => i.json)).toEqual([
				{
					id: detail.id,
					displayName: detail.displayName,
					loginName: detail.loginName ?? null,
					mail: detail.mail ?? null,
					jobTitle: detail.jobTitle ?? null,
					department: detail.department ?? null,
					manager: detail.manager ?? null,
					status: detail.status,
					statusLabels: expect.any(Array),
				},
			]);
			const raw = branch('Get user, raw')[0]!.json;
			const full = sandbox.userDetailAt(0, 0, 42);
			expect(raw).toMatchObject({
				id: full.id,
				birthday: full.birthday ?? null,
				city: full.city ?? null,
				alternateEmailAddress: full.alternateEmailAddress,
			});
			expect(Array.isArray(raw.alternateEmailAddress)).toBe(true);
		});

		it('Get of a user the tenant does not have is an error on its item, saying how to fix it', () => {
			const [item] = branch('Get missing user');
			expect(item!.json.error).toMatch(/^AvePoint knows no such user in this tenant .*HTTP 404.*\[item 0\]$/);
			expect(item!.json.description).toMatch(/Check User ID/);
		});

		it('All Tenants reads every tenant of the customer, each user with its customer and tenant', () => {
			const items = branch('All tenants of Contoso');
			const contoso = sandbox.customers[0]!;
			expect(items).toHaveLength(contoso.tenants.reduce((n, t) => n + t.users, 0));
			const byTenant = new Map<string, number>();
			for (const i of items) byTenant.set(String(i.json.tenantName), (byTenant.get(String(i.json.tenantName)) ?? 0) + 1);
			expect(Object.fromEntries(byTenant)).toEqual(Object.fromEntries(contoso.tenants.map((t) => [t.name, t.users])));
			expect(items[0]!.json).toEqual({
				id: sandbox.userAt(0, 0, 0).id,
				mail: sandbox.userAt(0, 0, 0).mail ?? null,
				customerId: contoso.customerId,
				customerName: 'Contoso',
				tenantId: contoso.tenants[0]!.tenantId,
				tenantName: 'Contoso Production',
			});
		});

		it('All Customers with All Tenants and Status: the inactive users of every tenant the app may see', () => {
			const expected: string[] = [];
			for (const c of inScope()) {
				c.tenants.forEach((t, ti) => {
					for (let i = 0; i < t.users; i++)
						if (sandbox.userAt(c.index, ti, i).status.includes(6)) expected.push(sandbox.userAt(c.index, ti, i).id);
				});
			}
			const items = branch('Inactive users of every customer');
			expect(items.map((i) => i.json.id)).toEqual(expected);
			expect(expected.length).toBeGreaterThan(5);
			expect(new Set(items.map((i) => i.json.customerName)).size).toBeGreaterThan(1);
			expect(items.every((i) => (i.json.statusLabels as string[]).includes('Inactive'))).toBe(true);
			// Fabrikam (out of scope) is not among them.
			expect(items.some((i) => i.json.customerName === 'Fabrikam')).toBe(false);
		});

		it('Status filters users asked by ID', () => {
			const expected = Array.from({ length: 9 }, (_, i) => sandbox.userAt(0, 0, i)).filter(
				(u) => u.status.includes(0) || u.status.includes(8),
			);
			expect(branch('Status by ID').map((i) => i.json.id)).toEqual(expected.map((u) => u.id));
			expect(expected.length).toBeGreaterThan(0);
		});

		it('All Customers with one tenant finds the customer that has it', () => {
			const items = branch('A tenant of any customer');
			expect(items.map((i) => i.json.id)).toEqual([0, 1, 2].map((i) => sandbox.userAt(2, 1, i).id));
			expect(items[0]!.json).toMatchObject({ customerName: 'Contoso Pharmaceuticals', tenantName: 'Research' });
		});

		it('an app without the customers permission still reads By ID, and All Tenants says what to grant', () => {
			expect(branch('Users-only app by ID').map((i) => i.json.id)).toEqual([sandbox.userAt(0, 0, 1).id]);
			const [refused] = branch('Users-only app, all tenants');
			expect(refused!.json.error).toMatch(
				/lacks the elements\.customers\.read\.all permission: grant it .*Settings > API app registration/,
			);
			const [unsaid] = branch('Old credential, all tenants');
			expect(unsaid!.json.error).toMatch(/^All Customers and All Tenants need the customers permission \[item 0\]$/);
			expect(unsaid!.json.description).toMatch(/turn on Customers Permission/);
		});

		it('a version 1 node as saved before version 2 runs unchanged', () => {
			const user = sandbox.userAt(0, 0, 7);
			expect(branch('Version 1 as saved').map((i) => i.json)).toEqual([
				{
					id: user.id,
					displayName: user.displayName ?? null,
					userPrincipalName: user.userPrincipalName ?? null,
					mail: user.mail ?? null,
					department: user.department ?? null,
					jobTitle: user.jobTitle ?? null,
					status: user.status,
					statusLabels: expect.any(Array),
					notFound: false,
				},
				{
					id: MISSING,
					displayName: null,
					userPrincipalName: null,
					mail: null,
					department: null,
					jobTitle: null,
					status: null,
					statusLabels: null,
					notFound: true,
					message: 'The tenant has no user with this ID',
				},
			]);
		});
	});

	it('never prints a secret', () => {
		const secrets = [sandbox.clientSecret, sandbox.usersOnlyClient.clientSecret, sandbox.certificate.privateKeyPem.split('\n')[1]!];
		for (const text of outputs) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
		expect(outputs.length).toBeGreaterThan(0);
	});
});
