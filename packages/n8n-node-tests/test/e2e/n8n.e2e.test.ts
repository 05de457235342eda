// End to end: a real n8n 2.x (cached runtime) loads the node package's dist, imports credentials
// and workflows pointing at the sandbox, and `n8n execute` runs them. Outputs are checked item by
// item.
import { DEFAULT_RETRY_POLICY } from '@avepoint-graph-kit/core/protocol';
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { N8nInstance, nodeItems, type ExecuteResult, type RunItem } from '../../scripts/lib/n8n-harness.mjs';
import { AVEPOINT_NODE_NAME, CERTIFICATE_CREDENTIAL, sandboxCredentials, workflow } from '../../scripts/lib/workflows.mjs';

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
	if (!result.run) throw new Error(`n8n printed no run (exit ${result.exitCode}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
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
			parameters: { ...base, userIds: `${at(6)}, ${MISSING}`, output: 'fields', fields: ['mail', 'status'], options: { includeNotFound: true } },
		}),
		workflow({ id: 'e2eUnknownCustom', name: 'Unknown customer', parameters: { ...base, customerId: UNKNOWN_CUSTOMER, userIds: at(1) } }),
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

	it('never prints a secret', () => {
		const secrets = [sandbox.clientSecret, sandbox.certificate.privateKeyPem.split('\n')[1]!];
		for (const text of outputs) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
		expect(outputs.length).toBeGreaterThan(0);
	});
});
