// Get Users Batch's All Tenants and All Customers (version 2): the tenants come from the customers
// endpoint, each is read like a tenant an item names, a few at a time, and every user says where
// it came from. The partner is the sandbox's seeded world, in process (helpers/sandboxHelper.ts).
import { NodeApiError, NodeOperationError, type IHttpRequestOptions, type INodeExecutionData } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, type FakeContextOptions } from './helpers/fakeContext';
import { locator } from './helpers/fakeLoadOptions';
import {
	apiEndpoints,
	closeSandboxes,
	customersRequests,
	n8nHelpersOn,
	startNodeSandbox,
	usersRequests,
	type NodeSandbox,
} from './helpers/sandboxHelper';

let s: NodeSandbox;
beforeEach(async () => {
	// Contoso Production, the first tenant, with 7 users: the seeded world then holds 113.
	s = await startNodeSandbox({ users: 7 });
});
afterEach(closeSandboxes);

// The seeded world: 0 Contoso (Production, Lab, Staging), 1 Fabrikam (outside the app's scope),
// 2 Contoso Pharmaceuticals (Contoso Production, Research), 3 Woodgrove Bank (with an empty
// archive tenant), 4 WOODGROVE BANK, 5 Tailspin Toys (no tenant).
const customer = (c: number) => s.sb.customers[c]!;
const tenant = (c: number, t: number) => customer(c).tenants[t]!;
const visibleTenants = () => s.sb.customers.filter((c) => c.inScope).flatMap((c) => c.tenants);
const usersIn = (tenants: ReadonlyArray<{ users: number }>) => tenants.reduce((sum, t) => sum + t.users, 0);

const base = () => ({
	resource: 'user',
	operation: 'getUsersBatch',
	customerId: locator(customer(0).customerId),
	tenantId: locator('allTenants'),
	userIds: '',
	returnAll: true,
	options: {},
});

async function run(o: Partial<FakeContextOptions> = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = fakeContext({
		typeVersion: 2,
		credentials: s.withCustomers,
		send: s.httpRequestWithAuthentication,
		...o,
		params: { ...base(), ...o.params },
	});
	const [out] = await new AvePointGraph().execute.call(ctx);
	return { out: out as INodeExecutionData[], calls };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

const place = (o: INodeExecutionData) => [o.json.customerName, o.json.tenantName];
const usersBy = (out: INodeExecutionData[]) => {
	const counts = new Map<string, number>();
	for (const o of out) counts.set(String(o.json.tenantId), (counts.get(String(o.json.tenantId)) ?? 0) + 1);
	return Object.fromEntries(counts);
};
const tenantsRead = () => usersRequests(s.sb).map((r) => r.tenantId);

describe('All Tenants of one customer', () => {
	it("reads the customer's tenants from the customers endpoint, then every user of each, in tenant order", async () => {
		const { out } = await run();
		expect(apiEndpoints(s.sb)[0]).toBe('customers');
		expect(customersRequests(s.sb).map((r) => r.customerIds)).toEqual([[customer(0).customerId]]);
		expect(tenantsRead()).toEqual(customer(0).tenants.map((t) => t.tenantId));
		expect(out).toHaveLength(usersIn(customer(0).tenants));
		expect(out[0]!.json).toMatchObject({
			id: s.sb.userAt(0, 0, 0).id,
			customerId: customer(0).customerId,
			customerName: 'Contoso',
			tenantId: tenant(0, 0).tenantId,
			tenantName: 'Contoso Production',
		});
		const firstTenant = tenant(0, 0).users;
		expect(out.map(place).slice(firstTenant - 1, firstTenant + 1)).toEqual([
			['Contoso', 'Contoso Production'],
			['Contoso', 'Contoso Lab'],
		]);
		expect(out[firstTenant]!.json.id).toBe(s.sb.userAt(0, 1, 0).id);
		expect(new Set(out.map((o) => (o.pairedItem as { item: number }).item))).toEqual(new Set([0]));
	});

	it('Limit counts users across tenants, and tenants past the limit are not read', async () => {
		const limit = tenant(0, 0).users + 2;
		const { out } = await run({ params: { returnAll: false, limit, options: { tenantConcurrency: 1 } } });
		expect(usersBy(out)).toEqual({ [tenant(0, 0).tenantId]: tenant(0, 0).users, [tenant(0, 1).tenantId]: 2 });
		// The customers, then tenants 0 and 1; tenant 2 is never asked.
		expect(tenantsRead()).toEqual([tenant(0, 0).tenantId, tenant(0, 1).tenantId]);
	});

	it('reads at most Tenants at Once tenants at the same time', async () => {
		// Every users request takes a turn of the event loop in the sandbox, so that requests overlap.
		s = await startNodeSandbox({ users: 7, sleep: () => new Promise((resolve) => setImmediate(resolve)) });
		s.sb.setFaults([{ match: { path: 'users' }, latencyMs: 1 }]);
		const busy = new Map<string, number>();
		let most = 0;
		// Counted on n8n's side, from the node's call of the helper until its answer.
		const counting = async (options: IHttpRequestOptions) => {
			const tenantId = /\/tenants\/([^/]+)\/users\/batch/.exec(options.url)?.[1];
			if (tenantId === undefined) return await s.httpRequestWithAuthentication(options);
			busy.set(tenantId, (busy.get(tenantId) ?? 0) + 1);
			most = Math.max(most, [...busy.values()].filter((n) => n > 0).length);
			try {
				return await s.httpRequestWithAuthentication(options);
			} finally {
				busy.set(tenantId, busy.get(tenantId)! - 1);
			}
		};
		const allCustomers = (options: Record<string, unknown>) =>
			run({ params: { customerId: locator('allCustomers'), options: { pageSize: 1, ...options } }, send: counting });
		const all = await allCustomers({ tenantConcurrency: 2 });
		expect(all.out).toHaveLength(usersIn(visibleTenants()));
		expect(most).toBe(2);
		most = 0;
		await allCustomers({ tenantConcurrency: 1 });
		expect(most).toBe(1);
		most = 0;
		// Parallel Requests bounds the requests in flight, and so the tenants busy at once.
		await allCustomers({ tenantConcurrency: 5 });
		expect(most).toBe(4);
		most = 0;
		await allCustomers({ tenantConcurrency: 5, concurrency: 8 });
		expect(most).toBe(5);
	});

	it('a customer without tenants gives no items; a customer the app may not see fails its item', async () => {
		expect(customer(5).tenants).toEqual([]);
		expect((await run({ params: { customerId: locator(customer(5).customerId) } })).out).toEqual([]);
		// Fabrikam: outside the app's scope, so absent from the customers endpoint.
		const error = await failure(run({ params: { customerId: locator(customer(1).customerId, 'id') } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Customer names no customer the app may see .*\[item 0\]$/);
	});
});

describe('All Customers', () => {
	it('with All Tenants: every tenant of every customer the app may see, each user with its customer and tenant', async () => {
		const { out } = await run({ params: { customerId: locator('allCustomers') } });
		expect(customersRequests(s.sb)).toEqual([{ pageIndex: 1, pageSize: 100, customerIds: undefined }]);
		expect(out).toHaveLength(usersIn(visibleTenants()));
		expect(tenantsRead()).toEqual(visibleTenants().map((t) => t.tenantId));
		// Two tenants called "Contoso Production", told apart by their customer.
		expect(tenant(2, 0).name).toBe(tenant(0, 0).name);
		expect(out.filter((o) => o.json.tenantName === 'Contoso Production').map((o) => o.json.customerName)).toEqual([
			...Array<string>(tenant(0, 0).users).fill('Contoso'),
			...Array<string>(tenant(2, 0).users).fill('Contoso Pharmaceuticals'),
		]);
	});

	it('with one tenant: finds the customer that has it', async () => {
		const research = tenant(2, 1);
		const { out } = await run({ params: { customerId: locator('allCustomers'), tenantId: locator(research.tenantId, 'id') } });
		expect(out).toHaveLength(research.users);
		expect(out[0]!.json).toMatchObject({
			id: s.sb.userAt(2, 1, 0).id,
			customerId: customer(2).customerId,
			customerName: 'Contoso Pharmaceuticals',
			tenantName: 'Research',
		});
		expect(usersRequests(s.sb).map((r) => r.customerId)).toEqual([customer(2).customerId]);
	});

	it('a tenant no customer the app may see has fails its item', async () => {
		const error = await failure(run({ params: { customerId: locator('allCustomers'), tenantId: locator(tenant(1, 0).tenantId, 'id') } }));
		expect(error.message).toMatch(/^Tenant belongs to no customer the app may see .*\[item 0\]$/);
	});
});

describe('All Tenants: failures', () => {
	// The app's scope is per customer in the sandbox, so one tenant of a customer it sees fails the
	// way a service fails: 503 on every request for Research (Contoso Pharmaceuticals' second tenant).
	const researchDown = () => s.sb.setFaults([{ match: { path: 'users', tenantId: tenant(2, 1).tenantId }, status: 503, retryAfter: '0' }]);

	it('with Continue On Fail a failing tenant is an error item of its own, saying which, and the others still come', async () => {
		researchDown();
		const { out } = await run({ continueOnFail: true, params: { customerId: locator(customer(2).customerId) } });
		expect(out.map((o) => (o.json.error ? 'error' : 'user'))).toEqual([...Array<string>(tenant(2, 0).users).fill('user'), 'error']);
		const failed = out.at(-1)!;
		expect(failed.json).toMatchObject({
			customerId: customer(2).customerId,
			customerName: 'Contoso Pharmaceuticals',
			tenantId: tenant(2, 1).tenantId,
			tenantName: 'Research',
		});
		expect(failed.json.error).toMatch(/HTTP 503.*\[item 0\]$/);
		expect(failed.json.description).toContain(`tenant ${tenant(2, 1).tenantId} (Research)`);
		expect(failed.pairedItem).toEqual({ item: 0 });
	});

	it('without it the failing tenant fails the node, naming the tenant', async () => {
		researchDown();
		const error = await failure(run({ params: { customerId: locator(customer(2).customerId) } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('503');
		expect((error as NodeApiError).description).toContain(
			`customer ${customer(2).customerId} (Contoso Pharmaceuticals), tenant ${tenant(2, 1).tenantId} (Research)`,
		);
	});

	it('without Customers Permission in the credential it says what to grant, before any request', async () => {
		const error = await failure(run({ credentials: s.credentials }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^All Customers and All Tenants need the customers permission \[item 0\]$/);
		expect((error as NodeOperationError).description).toMatch(
			/elements\.customers\.read\.all.*Settings > API app registration.*Customers Permission.*By ID/,
		);
		expect(s.sb.requests()).toEqual([]);
	});

	it('an app the API refuses the customers (403) gets the message that names the permission', async () => {
		// The sandbox's users-only app: its token carries elements.um.user.read.all alone.
		const usersOnly = n8nHelpersOn(s.sb, s.sb.usersOnlyClient);
		const error = await failure(run({ credentials: usersOnly.withCustomers, send: usersOnly.httpRequestWithAuthentication }));
		expect(
			s.sb
				.requests()
				.filter((r) => r.endpoint === 'customers')
				.map((r) => r.status),
		).toEqual([403]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/lacks the elements\.customers\.read\.all permission.*\[item 0\]/);
	});
});

describe('All Tenants: user IDs', () => {
	it('finds each ID in whichever tenant has it; an ID no tenant has is not found', async () => {
		// The last is a user of Contoso Pharmaceuticals: none of Contoso's tenants has it.
		const elsewhere = s.sb.userAt(2, 0, 0).id;
		const ids = [s.sb.userAt(0, 1, 2).id, s.sb.userAt(0, 0, 5).id, elsewhere];
		const { out } = await run({ params: { userIds: ids.join(','), options: { includeNotFound: true } } });
		expect(out.map((o) => [o.json.id, o.json.tenantName, o.json.notFound])).toEqual([
			[ids[1], 'Contoso Production', false],
			[ids[0], 'Contoso Lab', false],
			[elsewhere, null, true],
		]);
	});
});

describe('items naming one tenant, in version 2', () => {
	it('are read as before, without the customer and tenant fields, and the customers endpoint is not asked', async () => {
		const { out } = await run({ params: { tenantId: locator(tenant(0, 2).tenantId, 'id') } });
		expect(out).toHaveLength(tenant(0, 2).users);
		expect(out[0]!.json).not.toHaveProperty('tenantId');
		expect(apiEndpoints(s.sb)).toEqual(['users']);
	});

	it('take plain strings for Customer and Tenant too (a version 2 workflow saved before the locators)', async () => {
		const { out } = await run({
			credentials: s.credentials,
			params: { customerId: customer(0).customerId, tenantId: tenant(0, 2).tenantId },
		});
		expect(out).toHaveLength(tenant(0, 2).users);
	});
});
