// Get (version 2): one user in full per item, from the one-user endpoint of the sandbox, in
// process (helpers/sandboxHelper.ts).
import type { Readable } from 'node:stream';

import { USER_STATUS_LABELS } from '@avepoint-graph-kit/core/protocol';
import { NodeApiError, NodeOperationError, type IN8nHttpFullResponse, type INodeExecutionData } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, type FakeContextOptions } from './helpers/fakeContext';
import { locator } from './helpers/fakeLoadOptions';
import { closeSandboxes, startNodeSandbox, streamedResponse, type NodeSandbox } from './helpers/sandboxHelper';

let s: NodeSandbox;
beforeEach(async () => {
	s = await startNodeSandbox();
});
afterEach(closeSandboxes);

// Contoso (customer 0), its production tenant (0); user n of that tenant.
const customerId = () => s.sb.customers[0]!.customerId;
const tenantId = () => s.sb.customers[0]!.tenants[0]!.tenantId;
const userId = (n: number) => s.sb.userAt(0, 0, n).id;
const detail = (n: number) => s.sb.userDetailAt(0, 0, n);
/** A user of Contoso's staging tenant: the production tenant has no user with this ID. */
const missingId = () => s.sb.userAt(0, 2, 0).id;

const labels = (status: readonly number[]) => status.map((code) => USER_STATUS_LABELS[code as keyof typeof USER_STATUS_LABELS]);

const base = () => ({
	resource: 'user',
	operation: 'get',
	customerId: locator(customerId()),
	tenantId: locator(tenantId(), 'id'),
	userId: userId(1),
});

async function run(o: Partial<FakeContextOptions> = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = fakeContext({
		typeVersion: 2,
		credentials: s.credentials,
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

const userRequests = () => s.sb.requests().filter((r) => r.endpoint === 'user');

describe('Get: one user in full', () => {
	it('GETs the one-user endpoint and returns the Simplified user (the default)', async () => {
		const { out, calls } = await run();
		expect(calls).toHaveLength(1);
		expect(calls[0]!.options.method).toBe('GET');
		expect(calls[0]!.options.url).toBe(s.sb.userUrl(0, 0, 1));
		expect(calls[0]!.options.body).toBeUndefined();
		expect(userRequests().map((r) => [r.method, r.pathParams])).toEqual([
			['GET', { customerId: customerId(), tenantId: tenantId(), userId: userId(1) }],
		]);
		const user = detail(1);
		expect(out).toEqual([
			{
				json: {
					id: user.id,
					displayName: user.displayName,
					loginName: user.loginName,
					mail: user.mail,
					jobTitle: user.jobTitle,
					department: user.department,
					manager: user.manager,
					status: user.status,
					statusLabels: labels(user.status),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Raw returns every field; Selected Fields only those asked', async () => {
		const user = detail(1);
		const raw = (await run({ params: { output: 'raw' } })).out[0]!.json;
		expect(raw).toEqual({ ...user, statusLabels: labels(user.status) });
		const picked = (await run({ params: { output: 'fields', fields: ['manager', 'status', 'birthday', 'sponsor'] } })).out[0]!.json;
		expect(picked).toEqual({
			id: user.id,
			manager: user.manager,
			status: user.status,
			statusLabels: labels(user.status),
			birthday: user.birthday,
			// A field the user has no value for is there, empty.
			sponsor: user.sponsor ?? null,
		});
	});

	it('alternate addresses sent as one string (the field table says string) come out as an array', async () => {
		// The sandbox serves the documentation's sample, an array: the string shape is played here,
		// on the sandbox's own answer.
		const { out } = await run({
			params: { output: 'fields', fields: ['alternateEmailAddress', 'city'] },
			send: async (options) => {
				const answer = (await s.httpRequestWithAuthentication(options)) as IN8nHttpFullResponse;
				const chunks: Buffer[] = [];
				for await (const chunk of answer.body as unknown as Readable) chunks.push(chunk as Buffer);
				const user = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
				return streamedResponse(answer.statusCode, JSON.stringify({ ...user, alternateEmailAddress: 'alt@example.com' }), {
					'content-type': 'application/json',
				});
			},
		});
		expect(out[0]!.json).toEqual({ id: userId(1), alternateEmailAddress: ['alt@example.com'], city: detail(1).city });
	});

	it('one request per user, one item per input item; items that ask for the same user share it', async () => {
		const perItem = [{ userId: userId(2) }, { userId: userId(3) }, { userId: userId(2).toUpperCase() }];
		const { out, calls } = await run({ perItem });
		expect(calls).toHaveLength(2);
		expect(userRequests()).toHaveLength(2);
		expect(out.map((o) => [o.json.id, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(2), 0],
			[userId(3), 1],
			[userId(2), 2],
		]);
	});

	it('a user the tenant does not have fails its item: NodeApiError, [item N], how to fix', async () => {
		const perItem = [{ userId: userId(2) }, { userId: missingId() }];
		const error = await failure(run({ perItem }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^AvePoint knows no such user in this tenant .*\(HTTP 404.*\[item 1\]$/);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect((error as NodeApiError).description).toMatch(/Check User ID, Customer and Tenant.*On Error to Continue/);
		expect((error as NodeApiError).description).toContain(missingId());
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});

	it('with Continue On Fail the missing user becomes an error item and the others still get theirs', async () => {
		const perItem = [{ userId: missingId() }, { userId: userId(4) }];
		const { out } = await run({ perItem, continueOnFail: true });
		expect(out.map((o) => [o.json.id ?? 'error', (o.pairedItem as { item: number }).item])).toEqual([
			['error', 0],
			[userId(4), 1],
		]);
		expect(out[0]!.json.error).toMatch(/no such user.*\[item 0\]/);
		expect(out[0]!.json.description).toMatch(/Check User ID/);
	});

	it('checks the IDs before any request, naming the field as the form does', async () => {
		const bad = await failure(run({ params: { userId: 'bob' } }));
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toMatch(/^User ID must be a GUID .*\[item 0\]$/);
		const customer = await failure(run({ params: { customerId: locator('not-a-guid', 'id') } }));
		expect(customer.message).toMatch(/^Customer must be a GUID/);
		expect((customer as NodeOperationError).description).toMatch(/From List.*By ID/);
		const all = await failure(run({ params: { tenantId: locator('allTenants') } }));
		expect(all.message).toMatch(/^Tenant must name one customer and one tenant for Get/);
		expect(s.sb.requests()).toEqual([]);
	});

	it('retries a 503 and a 429, as every request of the node', async () => {
		// The first request meets the 503 (the first rule that fires with a status decides), the second the 429.
		s.sb.setFaults([
			{ match: { path: 'user', first: 1 }, status: 503, retryAfter: '0' },
			{ match: { path: 'user', first: 2 }, status: 429, retryAfter: '0' },
		]);
		const { out, calls } = await run();
		expect(calls).toHaveLength(3);
		expect(userRequests().map((r) => r.status)).toEqual([503, 429, 200]);
		expect(out[0]!.json.id).toBe(userId(1));
	});

	it('is a version 2 operation only', async () => {
		const { ctx } = fakeContext({ typeVersion: 1, params: base(), credentials: s.credentials, send: s.httpRequestWithAuthentication });
		await expect(new AvePointGraph().execute.call(ctx)).rejects.toThrow(/not supported/);
	});
});
