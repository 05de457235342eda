// Get (version 2): one user in full per item, from the one-user endpoint.
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, NODE, type FakeContextOptions } from './helpers/fakeContext';
import { customerGuid, makeDirectory, serveDirectory, tenantGuid, tenantUserId } from './helpers/fakeDirectory';
import { locator } from './helpers/fakeLoadOptions';
import { httpError } from './helpers/fakeTenant';

const CUSTOMER = customerGuid(0);
const TENANT = tenantGuid(0, 0);
const MISSING = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const BASE = {
	resource: 'user',
	operation: 'get',
	customerId: locator(CUSTOMER),
	tenantId: locator(TENANT, 'id'),
	userId: tenantUserId(0, 0, 1),
};

async function run(o: Partial<FakeContextOptions> = {}) {
	const { ctx, calls } = fakeContext({ typeVersion: 2, send: serveDirectory(makeDirectory()), ...o, params: { ...BASE, ...o.params } });
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

describe('Get: one user in full', () => {
	it('GETs the one-user endpoint and returns the Simplified user (the default)', async () => {
		const { out, calls } = await run();
		expect(calls).toHaveLength(1);
		expect(calls[0]!.options.method).toBe('GET');
		expect(calls[0]!.options.url).toBe(
			`http://127.0.0.1:4010/partner/external/v3/um/customers/${CUSTOMER}/tenants/${TENANT}/users/${tenantUserId(0, 0, 1)}`,
		);
		expect(calls[0]!.options.body).toBeUndefined();
		expect(out).toEqual([
			{
				json: {
					id: tenantUserId(0, 0, 1),
					displayName: 'Contoso Production user 1',
					loginName: 'user1@contoso.example',
					mail: 'user1@contoso.example',
					jobTitle: 'Engineer',
					department: 'IT',
					manager: 'Megan Bowen',
					status: [1],
					statusLabels: ['Sign-in blocked'],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Raw returns every field, alternate addresses always an array; Selected Fields only those asked', async () => {
		const raw = (await run({ params: { output: 'raw' } })).out[0]!.json;
		expect(raw).toMatchObject({
			id: tenantUserId(0, 0, 1),
			city: 'Seattle',
			employeeId: '1001',
			alternateEmailAddress: ['alt@example.com'],
			statusLabels: ['Sign-in blocked'],
		});
		const picked = (await run({ params: { output: 'fields', fields: ['manager', 'status', 'birthday'] } })).out[0]!.json;
		expect(picked).toEqual({
			id: tenantUserId(0, 0, 1),
			manager: 'Megan Bowen',
			status: [1],
			statusLabels: ['Sign-in blocked'],
			birthday: null,
		});
	});

	it('one request per user, one item per input item; items that ask for the same user share it', async () => {
		const perItem = [{ userId: tenantUserId(0, 0, 2) }, { userId: tenantUserId(0, 0, 3) }, { userId: tenantUserId(0, 0, 2).toUpperCase() }];
		const { out, calls } = await run({ perItem });
		expect(calls).toHaveLength(2);
		expect(out.map((o) => [o.json.id, (o.pairedItem as { item: number }).item])).toEqual([
			[tenantUserId(0, 0, 2), 0],
			[tenantUserId(0, 0, 3), 1],
			[tenantUserId(0, 0, 2), 2],
		]);
	});

	it('a user the tenant does not have fails its item: NodeApiError, [item N], how to fix', async () => {
		const perItem = [{ userId: tenantUserId(0, 0, 2) }, { userId: MISSING }];
		const error = await failure(run({ perItem }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^AvePoint knows no such user in this tenant .*\(HTTP 404.*\[item 1\]$/);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect((error as NodeApiError).description).toMatch(/Check User ID, Customer and Tenant.*On Error to Continue/);
		expect((error as NodeApiError).description).toContain(MISSING);
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});

	it('with Continue On Fail the missing user becomes an error item and the others still get theirs', async () => {
		const perItem = [{ userId: MISSING }, { userId: tenantUserId(0, 0, 4) }];
		const { out } = await run({ perItem, continueOnFail: true });
		expect(out.map((o) => [o.json.id ?? 'error', (o.pairedItem as { item: number }).item])).toEqual([
			['error', 0],
			[tenantUserId(0, 0, 4), 1],
		]);
		expect(out[0]!.json.error).toMatch(/no such user.*\[item 0\]/);
		expect(out[0]!.json.description).toMatch(/Check User ID/);
	});

	it('checks the IDs before any request, naming the field as the form does', async () => {
		const bad = await failure(run({ params: { userId: 'bob' }, send: () => Promise.reject(new Error('no request expected')) }));
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toMatch(/^User ID must be a GUID .*\[item 0\]$/);
		const customer = await failure(run({ params: { customerId: locator('not-a-guid', 'id') } }));
		expect(customer.message).toMatch(/^Customer must be a GUID/);
		expect((customer as NodeOperationError).description).toMatch(/From List.*By ID/);
		const all = await failure(run({ params: { tenantId: locator('allTenants') } }));
		expect(all.message).toMatch(/^Tenant must name one customer and one tenant for Get/);
	});

	it('retries a 503 and a 429, as every request of the node', async () => {
		const serve = serveDirectory(makeDirectory());
		const { out, calls } = await run({
			send: (options, n) => (n < 2 ? Promise.reject(httpError(NODE, n === 0 ? 503 : 429, { 'retry-after': '0' })) : serve(options)),
		});
		expect(calls).toHaveLength(3);
		expect(out[0]!.json.id).toBe(tenantUserId(0, 0, 1));
	});

	it('is a version 2 operation only', async () => {
		const { ctx } = fakeContext({ typeVersion: 1, params: BASE, send: serveDirectory(makeDirectory()) });
		await expect(new AvePointGraph().execute.call(ctx)).rejects.toThrow(/not supported/);
	});
});
