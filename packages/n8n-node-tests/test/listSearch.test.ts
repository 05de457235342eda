// Version 2's From List: the searchCustomers and searchTenants methods, as the editor calls them
// (a filter, a pagination token), against the customers endpoint of the sandbox, in process
// (helpers/sandboxHelper.ts): its seeded world, or a layout of many customers.
import type { CustomerLayout } from '@avepoint-graph-kit/sandbox';
import { NodeApiError, NodeOperationError, type IHttpRequestOptions } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeLoadOptions, locator } from './helpers/fakeLoadOptions';
import { closeSandboxes, customersRequests, n8nHelpersOn, startNodeSandbox, type NodeSandbox } from './helpers/sandboxHelper';

const { searchCustomers, searchTenants } = new AvePointGraph().methods.listSearch;

let s: NodeSandbox;
beforeEach(async () => {
	s = await startNodeSandbox();
});
afterEach(closeSandboxes);

// The seeded world: 0 Contoso, 1 Fabrikam (outside the app's scope: absent from the customers
// endpoint), 2 Contoso Pharmaceuticals, 3 Woodgrove Bank and 4 WOODGROVE BANK (names equal but
// for case), 5 Tailspin Toys (no tenant).
const customerId = (c: number) => s.sb.customers[c]!.customerId;
const tenantId = (c: number, t: number) => s.sb.customers[c]!.tenants[t]!.tenantId;
const ownerOf = (c: number) => s.sb.customerAt(c).ownerEmail;
const visible = () => s.sb.customers.filter((c) => c.inScope);

type Options = Parameters<typeof fakeLoadOptions>[0];

const loadOptions = (o: Partial<Options>) => fakeLoadOptions({ credentials: s.withCustomers, send: s.httpRequestWithAuthentication, ...o });

async function customers(o: Partial<Options> & { filter?: string; token?: string } = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = loadOptions(o);
	const result = await searchCustomers.call(ctx, o.filter, o.token);
	return { result, calls, names: result.results.map((r) => r.name), values: result.results.map((r) => r.value) };
}

async function tenants(customer: unknown, o: Partial<Options> & { filter?: string; operation?: string } = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = loadOptions({
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

/** A partner with this many customers, named by `name`, none with a tenant. */
const manyCustomers = (count: number, name: (c: number) => string): CustomerLayout[] =>
	Array.from({ length: count }, (_, c) => ({ name: name(c), inScope: true, tenants: [] }));

describe('searchCustomers', () => {
	it('lists every customer the app may see, All Customers first, by organization name', async () => {
		const { names, values, calls, result } = await customers();
		expect(names).toEqual([
			'All Customers',
			'Contoso',
			'Contoso Pharmaceuticals',
			// Two names equal but for case: told apart by their owners.
			`Woodgrove Bank (${ownerOf(3)})`,
			`WOODGROVE BANK (${ownerOf(4)})`,
			'Tailspin Toys',
		]);
		expect(values).toEqual(['allCustomers', ...visible().map((c) => c.customerId)]);
		expect(result.paginationToken).toBeUndefined();
		// One POST of the customers endpoint, through the credential.
		expect(calls).toHaveLength(1);
		expect(calls[0]!.method).toBe('POST');
		expect(customersRequests(s.sb)).toEqual([{ pageIndex: 1, pageSize: 100, customerIds: undefined }]);
	});

	it('searches by name (or owner email), case aside; All Customers only when the filter fits it', async () => {
		expect((await customers({ filter: 'contoso' })).names).toEqual(['Contoso', 'Contoso Pharmaceuticals']);
		expect(ownerOf(4)).toMatch(/woodgroveemea/);
		expect((await customers({ filter: 'WOODGROVEEMEA' })).names).toEqual(['WOODGROVE BANK']);
		expect((await customers({ filter: 'all' })).names).toEqual(['All Customers']);
		expect((await customers({ filter: 'nobody' })).names).toEqual([]);
	});

	it('offers no All Customers for Get, which reads one user', async () => {
		const { names } = await customers({ parameters: { operation: 'get' } });
		expect(names).not.toContain('All Customers');
		expect(names).toHaveLength(visible().length);
	});

	it('pages through many customers with a token, and follows a service that serves fewer per page', async () => {
		s = await startNodeSandbox({ customers: manyCustomers(130, (c) => `Customer ${c}`) });
		// The sandbox serves what is asked: a service that serves at most 50 a page is played by
		// asking it for no more than that (the node still asks for 100, as the calls show).
		const { ctx, calls } = loadOptions({
			send: (options: IHttpRequestOptions) =>
				s.httpRequestWithAuthentication({
					...options,
					url: options.url.replace(/pageSize=(\d+)/, (_, n: string) => `pageSize=${Math.min(Number(n), 50)}`),
				}),
		});
		const first = await searchCustomers.call(ctx, undefined, undefined);
		// 50 served of the 100 asked: enough for one call; the token says where to go on, at 50 a page.
		expect(first.results).toHaveLength(51);
		expect(first.paginationToken).toBe('2:50');
		const second = await searchCustomers.call(ctx, undefined, first.paginationToken);
		expect(second.results.map((r) => r.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Customer ${50 + i}`));
		expect(second.results.map((r) => r.value)).toEqual(Array.from({ length: 50 }, (_, i) => customerId(50 + i)));
		const third = await searchCustomers.call(ctx, undefined, second.paginationToken);
		expect(third.results).toHaveLength(30);
		expect(third.paginationToken).toBeUndefined();
		const asked = calls.map((c) => new URL(c.url).searchParams);
		expect(asked.map((q) => Number(q.get('pageIndex')))).toEqual([1, 2, 3]);
		expect(asked.map((q) => Number(q.get('pageSize')))).toEqual([100, 50, 50]);
		expect(customersRequests(s.sb).map((r) => [r.pageIndex, r.pageSize])).toEqual([
			[1, 50],
			[2, 50],
			[3, 50],
		]);
	});

	it('a filter that matches few customers reads on until it has enough or the list ends', async () => {
		s = await startNodeSandbox({ customers: manyCustomers(250, (c) => (c % 100 === 7 ? `Fabrikam ${c}` : `Customer ${c}`)) });
		const { names, calls, result } = await customers({ filter: 'fabrikam' });
		expect(names).toEqual(['Fabrikam 7', 'Fabrikam 107', 'Fabrikam 207']);
		expect(calls).toHaveLength(3);
		expect(customersRequests(s.sb).map((r) => r.pageIndex)).toEqual([1, 2, 3]);
		expect(result.paginationToken).toBeUndefined();
	});

	it('without Customers Permission in the credential it says what to grant, and sends nothing', async () => {
		const error = await failure(customers({ credentials: s.credentials }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/elements\.customers\.read\.all/);
		expect(error.message).toMatch(/Settings > API app registration/);
		expect(error.message).toMatch(/Customers Permission/);
		expect(error.message).toMatch(/By ID/);
		expect(s.sb.requests()).toEqual([]);
	});

	it('an app that lacks the permission (403) gets the message that names it', async () => {
		// The sandbox's users-only app: its token carries elements.um.user.read.all alone.
		const usersOnly = n8nHelpersOn(s.sb, s.sb.usersOnlyClient);
		const error = await failure(customers({ credentials: usersOnly.withCustomers, send: usersOnly.httpRequestWithAuthentication }));
		expect(
			s.sb
				.requests()
				.filter((r) => r.endpoint === 'customers')
				.map((r) => r.status),
		).toEqual([403]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/lacks the elements\.customers\.read\.all permission: grant it .*Settings > API app registration/);
		expect(error.message).toMatch(/Or choose By ID/);
		expect(error.message).not.toMatch(/\[item/);
	});

	it('retries a 503 like any request of the node', async () => {
		s.sb.setFaults([{ match: { path: 'customers', first: 1 }, status: 503, retryAfter: '0' }]);
		const { names, calls } = await customers();
		expect(calls).toHaveLength(2);
		expect(
			s.sb
				.requests()
				.filter((r) => r.endpoint === 'customers')
				.map((r) => r.status),
		).toEqual([503, 200]);
		expect(names).toHaveLength(visible().length + 1);
	});
});

describe('searchTenants', () => {
	it("lists the chosen customer's tenants, All Tenants first, asking for that customer only", async () => {
		const { names, values, calls } = await tenants(locator(customerId(2)));
		expect(names).toEqual(['All Tenants', 'Contoso Production', 'Research']);
		expect(values).toEqual(['allTenants', tenantId(2, 0), tenantId(2, 1)]);
		expect(calls).toHaveLength(1);
		expect(customersRequests(s.sb).map((r) => r.customerIds)).toEqual([[customerId(2)]]);
	});

	it('takes the customer By ID, or as a plain string, and filters by name', async () => {
		expect((await tenants(locator(customerId(0), 'id'), { filter: 'lab' })).names).toEqual(['Contoso Lab']);
		expect((await tenants(customerId(0), { filter: 'STAG' })).names).toEqual(['Contoso Staging']);
	});

	it('with All Customers lists every tenant, each named with its customer, so repeated names differ', async () => {
		const { names, values } = await tenants(locator('allCustomers'), { filter: 'production' });
		expect(names).toEqual(['Contoso Production (Contoso)', 'Contoso Production (Contoso Pharmaceuticals)']);
		expect(values).toEqual([tenantId(0, 0), tenantId(2, 0)]);
		// Two customers whose names differ only by case, each with a tenant "Woodgrove Bank": named
		// by their owners. A customer's name finds its tenants too.
		const woodgrove = await tenants(locator('allCustomers'), { filter: 'woodgrove bank' });
		expect(woodgrove.names).toEqual([
			`Woodgrove Bank (${ownerOf(3)})`,
			`Woodgrove Archive (${ownerOf(3)})`,
			`Woodgrove Bank (${ownerOf(4)})`,
		]);
		expect((await tenants(locator('allCustomers'))).names[0]).toBe('All Tenants');
	});

	it('a tenant name repeated within one customer gets its ID', async () => {
		s = await startNodeSandbox({
			customers: [
				{
					name: 'Contoso',
					inScope: true,
					tenants: [
						{ users: 1, name: 'Contoso Production' },
						{ users: 1, name: 'Contoso Lab' },
						{ users: 1, name: 'CONTOSO LAB' },
					],
				},
			],
		});
		const { names } = await tenants(locator(customerId(0)), { filter: 'lab' });
		expect(names).toEqual([`Contoso Lab (${tenantId(0, 1)})`, `CONTOSO LAB (${tenantId(0, 2)})`]);
	});

	it('offers no All Tenants for Get, and refuses All Customers there', async () => {
		expect((await tenants(locator(customerId(2)), { operation: 'get' })).names).toEqual(['Contoso Production', 'Research']);
		expect((await failure(tenants(locator('allCustomers'), { operation: 'get' }))).message).toMatch(
			/Get reads one user: choose one Customer/,
		);
	});

	it('says what to do when no customer is chosen, when it is an expression, unknown, or not a GUID', async () => {
		expect((await failure(tenants(locator('')))).message).toMatch(/Choose a Customer first/);
		expect((await failure(tenants(locator('={{ $json.customer }}')))).message).toMatch(/expression.*choose the Tenant By ID/);
		// Fabrikam: a customer the app may not see.
		const unseen = await failure(tenants(locator(customerId(1), 'id')));
		expect(unseen.message).toContain(`sees no customer with ID ${customerId(1)}`);
		expect(unseen.message).toMatch(/Pick the Customer From List/);
		expect((await failure(tenants(locator('contoso', 'id')))).message).toMatch(/Customer is not a GUID/);
	});

	it('without Customers Permission it says what to grant', async () => {
		const error = await failure(tenants(locator(customerId(0)), { credentials: s.credentials }));
		expect(error.message).toMatch(/elements\.customers\.read\.all.*Customers Permission/);
		expect(s.sb.requests()).toEqual([]);
	});
});
