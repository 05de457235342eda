// Version 2's From List: the searchCustomers and searchTenants methods, as the editor calls them
// (a filter, a pagination token), against a fake customers endpoint.
import { NodeApiError, NodeOperationError, type IHttpRequestOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { NODE, SANDBOX_CREDENTIALS } from './helpers/fakeContext';
import {
	customerGuid,
	makeDirectory,
	parseCustomersRequest,
	serveDirectory,
	tenantGuid,
	type Directory,
	type WireCustomer,
} from './helpers/fakeDirectory';
import { fakeLoadOptions, locator } from './helpers/fakeLoadOptions';
import { httpError } from './helpers/fakeTenant';

const { searchCustomers, searchTenants } = new AvePointGraph().methods.listSearch;

type Options = Parameters<typeof fakeLoadOptions>[0];

async function customers(o: Partial<Options> & { filter?: string; token?: string; dir?: Directory } = {}) {
	const { ctx, calls } = fakeLoadOptions({ send: serveDirectory(o.dir ?? makeDirectory()), ...o });
	const result = await searchCustomers.call(ctx, o.filter, o.token);
	return { result, calls, names: result.results.map((r) => r.name), values: result.results.map((r) => r.value) };
}

async function tenants(customer: unknown, o: Partial<Options> & { filter?: string; operation?: string } = {}) {
	const { ctx, calls } = fakeLoadOptions({
		send: serveDirectory(makeDirectory()),
		...o,
		parameters: { customerId: customer, ...(o.operation ? { operation: o.operation } : {}), ...o.parameters },
	});
	const result = await searchTenants.call(ctx, o.filter);
	return { result, calls, names: result.results.map((r) => r.name), values: result.results.map((r) => r.value) };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the search to fail');
}

describe('searchCustomers', () => {
	it('lists every customer the app may see, All Customers first, by organization name', async () => {
		const { names, values, calls, result } = await customers();
		expect(names).toEqual([
			'All Customers',
			'Contoso',
			'Contoso Pharmaceuticals',
			'Woodgrove Bank (admin@woodgrove.example)',
			'WOODGROVE BANK (admin@woodgroveemea.example)',
			'Tailspin Toys',
		]);
		expect(values).toEqual(['allCustomers', ...[0, 1, 2, 3, 4].map(customerGuid)]);
		expect(result.paginationToken).toBeUndefined();
		// One POST of the customers endpoint, through the credential.
		expect(calls).toHaveLength(1);
		expect(calls[0]!.method).toBe('POST');
		expect(parseCustomersRequest(calls[0]!)).toEqual({ pageIndex: 1, pageSize: 100, customerIds: undefined });
	});

	it('searches by name (or owner email), case aside; All Customers only when the filter fits it', async () => {
		expect((await customers({ filter: 'contoso' })).names).toEqual(['Contoso', 'Contoso Pharmaceuticals']);
		expect((await customers({ filter: 'WOODGROVEEMEA' })).names).toEqual(['WOODGROVE BANK']);
		expect((await customers({ filter: 'all' })).names).toEqual(['All Customers']);
		expect((await customers({ filter: 'nobody' })).names).toEqual([]);
	});

	it('offers no All Customers for Get, which reads one user', async () => {
		const { names } = await customers({ parameters: { operation: 'get' } });
		expect(names).not.toContain('All Customers');
		expect(names).toHaveLength(5);
	});

	it('pages through many customers with a token, and follows a service that serves fewer per page', async () => {
		const many: Directory = { customers: [], users: new Map() };
		for (let c = 0; c < 130; c++)
			many.customers.push({
				...makeDirectory().customers[0]!,
				id: customerGuid(c),
				organization: `Customer ${c}`,
				tenants: [],
			} as WireCustomer);
		const { ctx, calls } = fakeLoadOptions({ send: serveDirectory(many, { maxCustomersPerPage: 50 }) });
		const first = await searchCustomers.call(ctx, undefined, undefined);
		// 50 served of the 100 asked: enough for one call; the token says where to go on, at 50 a page.
		expect(first.results).toHaveLength(51);
		expect(first.paginationToken).toBe('2:50');
		const second = await searchCustomers.call(ctx, undefined, first.paginationToken);
		expect(second.results.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Customer ${50 + i}`));
		const third = await searchCustomers.call(ctx, undefined, second.paginationToken);
		expect(third.results).toHaveLength(30);
		expect(third.paginationToken).toBeUndefined();
		expect(calls.map((c) => parseCustomersRequest(c)!.pageIndex)).toEqual([1, 2, 3]);
		expect(calls.map((c) => parseCustomersRequest(c)!.pageSize)).toEqual([100, 50, 50]);
	});

	it('a filter that matches few customers reads on until it has enough or the list ends', async () => {
		const many: Directory = { customers: [], users: new Map() };
		for (let c = 0; c < 250; c++)
			many.customers.push({
				...makeDirectory().customers[0]!,
				id: customerGuid(c),
				organization: c % 100 === 7 ? `Fabrikam ${c}` : `Customer ${c}`,
				tenants: [],
			} as WireCustomer);
		const { names, calls, result } = await customers({ dir: many, filter: 'fabrikam' });
		expect(names).toEqual(['Fabrikam 7', 'Fabrikam 107', 'Fabrikam 207']);
		expect(calls).toHaveLength(3);
		expect(result.paginationToken).toBeUndefined();
	});

	it('without Customers Permission in the credential it says what to grant, and sends nothing', async () => {
		const error = await failure(
			customers({ credentials: SANDBOX_CREDENTIALS, send: () => Promise.reject(new Error('no request expected')) }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/elements\.customers\.read\.all/);
		expect(error.message).toMatch(/Settings > API app registration/);
		expect(error.message).toMatch(/Customers Permission/);
		expect(error.message).toMatch(/By ID/);
	});

	it('an app that lacks the permission (403) gets the message that names it', async () => {
		const error = await failure(customers({ send: () => Promise.reject(httpError(NODE, 403, {}, { error: 'insufficient_scope' })) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/lacks the elements\.customers\.read\.all permission: grant it .*Settings > API app registration/);
		expect(error.message).toMatch(/Or choose By ID/);
		expect(error.message).not.toMatch(/\[item/);
	});

	it('retries a 503 like any request of the node', async () => {
		const serve = serveDirectory(makeDirectory());
		const { names, calls } = await customers({
			send: (options: IHttpRequestOptions, n: number) =>
				n === 0 ? Promise.reject(httpError(NODE, 503, { 'retry-after': '0' })) : serve(options),
		});
		expect(calls).toHaveLength(2);
		expect(names).toHaveLength(6);
	});
});

describe('searchTenants', () => {
	it("lists the chosen customer's tenants, All Tenants first, asking for that customer only", async () => {
		const { names, values, calls } = await tenants(locator(customerGuid(1)));
		expect(names).toEqual(['All Tenants', 'Contoso Production', 'Research']);
		expect(values).toEqual(['allTenants', tenantGuid(1, 0), tenantGuid(1, 1)]);
		expect(calls).toHaveLength(1);
		expect(parseCustomersRequest(calls[0]!)!.customerIds).toEqual([customerGuid(1)]);
	});

	it('takes the customer By ID, or as a plain string, and filters by name', async () => {
		expect((await tenants(locator(customerGuid(0), 'id'), { filter: 'lab' })).names).toEqual(['Contoso Lab']);
		expect((await tenants(customerGuid(0), { filter: 'STAG' })).names).toEqual(['Contoso Staging']);
	});

	it('with All Customers lists every tenant, each named with its customer, so repeated names differ', async () => {
		const { names, values } = await tenants(locator('allCustomers'), { filter: 'production' });
		expect(names).toEqual(['Contoso Production (Contoso)', 'Contoso Production (Contoso Pharmaceuticals)']);
		expect(values).toEqual([tenantGuid(0, 0), tenantGuid(1, 0)]);
		// Two customers whose names differ only by case, each with a tenant "Woodgrove Bank": named
		// by their owners. A customer's name finds its tenants too.
		const woodgrove = await tenants(locator('allCustomers'), { filter: 'woodgrove bank' });
		expect(woodgrove.names).toEqual([
			'Woodgrove Bank (admin@woodgrove.example)',
			'Woodgrove Archive (admin@woodgrove.example)',
			'Woodgrove Bank (admin@woodgroveemea.example)',
		]);
		expect((await tenants(locator('allCustomers'))).names[0]).toBe('All Tenants');
	});

	it('a tenant name repeated within one customer gets its ID', async () => {
		const dir = makeDirectory();
		dir.customers[0]!.tenants.push({ id: tenantGuid(0, 9), name: 'CONTOSO LAB' });
		const { names } = await tenants(locator(customerGuid(0)), { send: serveDirectory(dir), filter: 'lab' });
		expect(names).toEqual([`Contoso Lab (${tenantGuid(0, 1)})`, `CONTOSO LAB (${tenantGuid(0, 9)})`]);
	});

	it('offers no All Tenants for Get, and refuses All Customers there', async () => {
		expect((await tenants(locator(customerGuid(1)), { operation: 'get' })).names).toEqual(['Contoso Production', 'Research']);
		expect((await failure(tenants(locator('allCustomers'), { operation: 'get' }))).message).toMatch(
			/Get reads one user: choose one Customer/,
		);
	});

	it('says what to do when no customer is chosen, when it is an expression, unknown, or not a GUID', async () => {
		expect((await failure(tenants(locator('')))).message).toMatch(/Choose a Customer first/);
		expect((await failure(tenants(locator('={{ $json.customer }}')))).message).toMatch(/expression.*choose the Tenant By ID/);
		expect((await failure(tenants(locator('0badc0de-0000-4000-8000-000000000000', 'id')))).message).toMatch(
			/sees no customer with ID 0badc0de.*Pick the Customer From List/,
		);
		expect((await failure(tenants(locator('contoso', 'id')))).message).toMatch(/Customer is not a GUID/);
	});

	it('without Customers Permission it says what to grant', async () => {
		const error = await failure(tenants(locator(customerGuid(0)), { credentials: SANDBOX_CREDENTIALS }));
		expect(error.message).toMatch(/elements\.customers\.read\.all.*Customers Permission/);
	});
});
