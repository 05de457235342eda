// Get Users Batch's All Tenants and All Customers (version 2): the tenants come from the customers
// endpoint, each is read like a tenant an item names, a few at a time, and every user says where
// it came from.
import { NodeApiError, NodeOperationError, type IHttpRequestOptions, type INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, NODE, SANDBOX_CREDENTIALS, type FakeContextOptions } from './helpers/fakeContext';
import {
	customerGuid,
	endpointOf,
	makeDirectory,
	parseCustomersRequest,
	serveDirectory,
	tenantGuid,
	tenantUserId,
} from './helpers/fakeDirectory';
import { locator, WITH_CUSTOMERS } from './helpers/fakeLoadOptions';
import { httpError, parseRequest } from './helpers/fakeTenant';

const BASE = {
	resource: 'user',
	operation: 'getUsersBatch',
	customerId: locator(customerGuid(0)),
	tenantId: locator('allTenants'),
	userIds: '',
	returnAll: true,
	options: {},
};

async function run(o: Partial<FakeContextOptions> = {}) {
	const { ctx, calls } = fakeContext({
		typeVersion: 2,
		credentials: WITH_CUSTOMERS,
		send: serveDirectory(makeDirectory()),
		...o,
		params: { ...BASE, ...o.params },
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

describe('All Tenants of one customer', () => {
	it("reads the customer's tenants from the customers endpoint, then every user of each, in tenant order", async () => {
		const { out, calls } = await run();
		expect(endpointOf(calls[0]!.options)).toBe('customers');
		expect(parseCustomersRequest(calls[0]!.options)!.customerIds).toEqual([customerGuid(0)]);
		expect(calls.slice(1).map((c) => parseRequest(c.options).tenantId)).toEqual([tenantGuid(0, 0), tenantGuid(0, 1), tenantGuid(0, 2)]);
		expect(out).toHaveLength(7 + 4 + 2);
		expect(out[0]!.json).toMatchObject({
			id: tenantUserId(0, 0, 0),
			customerId: customerGuid(0),
			customerName: 'Contoso',
			tenantId: tenantGuid(0, 0),
			tenantName: 'Contoso Production',
		});
		expect(out.map(place).slice(6, 8)).toEqual([
			['Contoso', 'Contoso Production'],
			['Contoso', 'Contoso Lab'],
		]);
		expect(new Set(out.map((o) => (o.pairedItem as { item: number }).item))).toEqual(new Set([0]));
	});

	it('Limit counts users across tenants, and tenants past the limit are not read', async () => {
		const { out, calls } = await run({ params: { returnAll: false, limit: 9, options: { tenantConcurrency: 1 } } });
		expect(usersBy(out)).toEqual({ [tenantGuid(0, 0)]: 7, [tenantGuid(0, 1)]: 2 });
		// The customers, then tenants 0 and 1; tenant 2 is never asked.
		expect(calls.slice(1).map((c) => parseRequest(c.options).tenantId)).toEqual([tenantGuid(0, 0), tenantGuid(0, 1)]);
	});

	it('reads at most Tenants at Once tenants at the same time', async () => {
		const serve = serveDirectory(makeDirectory());
		const busy = new Map<string, number>();
		let most = 0;
		const slow = async (options: IHttpRequestOptions) => {
			if (endpointOf(options) !== 'users') return serve(options);
			const tenant = parseRequest(options).tenantId;
			busy.set(tenant, (busy.get(tenant) ?? 0) + 1);
			most = Math.max(most, [...busy.values()].filter((n) => n > 0).length);
			await new Promise((resolve) => setImmediate(resolve));
			busy.set(tenant, busy.get(tenant)! - 1);
			return serve(options);
		};
		const all = await run({ params: { customerId: locator('allCustomers'), options: { tenantConcurrency: 2, pageSize: 1 } }, send: slow });
		expect(all.out).toHaveLength(29);
		expect(most).toBe(2);
		most = 0;
		await run({ params: { customerId: locator('allCustomers'), options: { tenantConcurrency: 1, pageSize: 1 } }, send: slow });
		expect(most).toBe(1);
		most = 0;
		// Parallel Requests bounds the requests in flight, and so the tenants busy at once.
		await run({ params: { customerId: locator('allCustomers'), options: { tenantConcurrency: 5, pageSize: 1 } }, send: slow });
		expect(most).toBe(4);
		most = 0;
		await run({
			params: { customerId: locator('allCustomers'), options: { tenantConcurrency: 5, pageSize: 1, concurrency: 8 } },
			send: slow,
		});
		expect(most).toBe(5);
	});

	it('a customer without tenants gives no items; an unknown customer fails its item', async () => {
		expect((await run({ params: { customerId: locator(customerGuid(4)) } })).out).toEqual([]);
		const error = await failure(run({ params: { customerId: locator('0badc0de-0000-4000-8000-000000000000', 'id') } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Customer names no customer the app may see .*\[item 0\]$/);
	});
});

describe('All Customers', () => {
	it('with All Tenants: every tenant of every customer the app may see, each user with its customer and tenant', async () => {
		const { out, calls } = await run({ params: { customerId: locator('allCustomers') } });
		expect(parseCustomersRequest(calls[0]!.options)).toEqual({ pageIndex: 1, pageSize: 100, customerIds: undefined });
		expect(calls.filter((c) => endpointOf(c.options) === 'customers')).toHaveLength(1);
		expect(out).toHaveLength(7 + 4 + 2 + 3 + 5 + 6 + 0 + 2);
		// Two tenants called "Contoso Production", told apart by their customer.
		expect(out.filter((o) => o.json.tenantName === 'Contoso Production').map((o) => o.json.customerName)).toEqual([
			...Array(7).fill('Contoso'),
			...Array(3).fill('Contoso Pharmaceuticals'),
		]);
	});

	it('with one tenant: finds the customer that has it', async () => {
		const { out, calls } = await run({ params: { customerId: locator('allCustomers'), tenantId: locator(tenantGuid(1, 1), 'id') } });
		expect(out).toHaveLength(5);
		expect(out[0]!.json).toMatchObject({ customerId: customerGuid(1), customerName: 'Contoso Pharmaceuticals', tenantName: 'Research' });
		expect(parseRequest(calls[1]!.options).customerId).toBe(customerGuid(1));
	});

	it('a tenant no customer has fails its item', async () => {
		const error = await failure(
			run({ params: { customerId: locator('allCustomers'), tenantId: locator('0badc0de-0000-4000-8000-000000000000', 'id') } }),
		);
		expect(error.message).toMatch(/^Tenant belongs to no customer the app may see .*\[item 0\]$/);
	});
});

describe('All Tenants: failures', () => {
	const failingResearch = (options: IHttpRequestOptions) => {
		if (endpointOf(options) === 'users' && parseRequest(options).tenantId === tenantGuid(1, 1))
			return Promise.reject(httpError(NODE, 403, {}, { message: 'no access' }));
		return serveDirectory(makeDirectory())(options);
	};

	it('with Continue On Fail a failing tenant is an error item of its own, saying which, and the others still come', async () => {
		const { out } = await run({ continueOnFail: true, params: { customerId: locator(customerGuid(1)) }, send: failingResearch });
		expect(out.map((o) => (o.json.error ? 'error' : 'user'))).toEqual(['user', 'user', 'user', 'error']);
		expect(out[3]!.json).toMatchObject({
			customerId: customerGuid(1),
			customerName: 'Contoso Pharmaceuticals',
			tenantId: tenantGuid(1, 1),
			tenantName: 'Research',
		});
		expect(out[3]!.json.error).toMatch(/no access to this customer.*\[item 0\]/);
		expect(out[3]!.json.description).toMatch(/tenant 70000000-0000-4000-8001-000000000001 \(Research\)/);
		expect(out[3]!.pairedItem).toEqual({ item: 0 });
	});

	it('without it the failing tenant fails the node, naming the tenant', async () => {
		const error = await failure(run({ params: { customerId: locator(customerGuid(1)) }, send: failingResearch }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(
			/customer c0000000-0000-4000-8000-000000000001 \(Contoso Pharmaceuticals\), tenant .*\(Research\)/,
		);
	});

	it('without Customers Permission in the credential it says what to grant, before any request', async () => {
		const error = await failure(run({ credentials: SANDBOX_CREDENTIALS, send: () => Promise.reject(new Error('no request expected')) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^All Customers and All Tenants need the customers permission \[item 0\]$/);
		expect((error as NodeOperationError).description).toMatch(
			/elements\.customers\.read\.all.*Settings > API app registration.*Customers Permission.*By ID/,
		);
	});

	it('an app the API refuses the customers (403) gets the message that names the permission', async () => {
		const error = await failure(
			run({
				send: (options) =>
					endpointOf(options) === 'customers' ? Promise.reject(httpError(NODE, 403)) : serveDirectory(makeDirectory())(options),
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/lacks the elements\.customers\.read\.all permission.*\[item 0\]/);
	});
});

describe('All Tenants: user IDs', () => {
	it('finds each ID in whichever tenant has it; an ID no tenant has is not found', async () => {
		const ids = [tenantUserId(0, 1, 2), tenantUserId(0, 0, 5), 'ffffffff-ffff-4fff-8fff-ffffffffffff'];
		const { out } = await run({ params: { userIds: ids.join(','), options: { includeNotFound: true } } });
		expect(out.map((o) => [o.json.id, o.json.tenantName, o.json.notFound])).toEqual([
			[tenantUserId(0, 0, 5), 'Contoso Production', false],
			[tenantUserId(0, 1, 2), 'Contoso Lab', false],
			['ffffffff-ffff-4fff-8fff-ffffffffffff', null, true],
		]);
	});
});

describe('items naming one tenant, in version 2', () => {
	it('are read as before, without the customer and tenant fields, and the customers endpoint is not asked', async () => {
		const { out, calls } = await run({ params: { tenantId: locator(tenantGuid(0, 2), 'id') } });
		expect(out).toHaveLength(2);
		expect(out[0]!.json).not.toHaveProperty('tenantId');
		expect(calls.map((c) => endpointOf(c.options))).toEqual(['users']);
	});

	it('take plain strings for Customer and Tenant too (a version 2 workflow saved before the locators)', async () => {
		const { out } = await run({ credentials: SANDBOX_CREDENTIALS, params: { customerId: customerGuid(0), tenantId: tenantGuid(0, 2) } });
		expect(out).toHaveLength(2);
	});
});
