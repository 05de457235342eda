import { DEFAULT_RETRY_POLICY } from '@avepoint-graph-kit/core/protocol';
import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, NODE, type FakeContextOptions } from './helpers/fakeContext';
import {
	CUSTOMER,
	MISSING_ID,
	OTHER_TENANT,
	TENANT,
	answer,
	httpError,
	makeUsers,
	networkError,
	parseRequest,
	userId,
	type WireUser,
} from './helpers/fakeTenant';

const BASE = { resource: 'user', operation: 'getUsersBatch', customerId: CUSTOMER, tenantId: TENANT, simplify: true, options: {} };

const tenants = (users: WireUser[] = makeUsers(250), other: WireUser[] = makeUsers(3)) => ({ [TENANT]: users, [OTHER_TENANT]: other });

async function run(o: Partial<FakeContextOptions> & Pick<FakeContextOptions, 'send'>) {
	const { ctx, calls } = fakeContext({ ...o, params: { ...BASE, ...o.params } });
	const [out] = await new AvePointGraph().execute.call(ctx);
	return { out: out as INodeExecutionData[], calls, sent: calls.map((c) => parseRequest(c.options)) };
}

const serve =
	(t = tenants()) =>
	(options: Parameters<FakeContextOptions['send']>[0]) =>
		answer(t, parseRequest(options));

const idsOf = (out: INodeExecutionData[]) => out.map((o) => o.json.id);
const pairs = (out: INodeExecutionData[]) => out.map((o) => (o.pairedItem as { item: number }).item);

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

/** Runs the node to its failure: the error, and how many requests went out. */
async function runToFailure(o: Partial<FakeContextOptions> & Pick<FakeContextOptions, 'send'>) {
	const { ctx, calls } = fakeContext({ ...o, params: { ...BASE, ...o.params } });
	const error = await failure(new AvePointGraph().execute.call(ctx));
	return { error, attempts: calls.length };
}

const rejectWith =
	(status: number, headers: Record<string, string> = {}, body: unknown = {}) =>
	() =>
		Promise.reject(httpError(NODE, status, headers, body));

describe('Get Users Batch: IDs from many items', () => {
	it('sends the IDs of all items together, up to 100 per request, and pairs each user with the item that asked', async () => {
		const perItem = [
			{ userIds: [userId(1), userId(2)] },
			{ userIds: Array.from({ length: 150 }, (_, n) => userId(n + 2)).join(',') }, // overlaps item 0 on user 2
			{ userIds: `${userId(200)}\n${userId(201)}` },
		];
		const { out, sent } = await run({ perItem, send: serve() });

		// 153 distinct IDs: two requests, not one per item.
		expect(sent).toHaveLength(2);
		expect(sent.map((s) => s.userIds?.length)).toEqual([100, 53]);
		expect(sent.every((s) => s.method === 'POST' && s.customerId === CUSTOMER && s.tenantId === TENANT)).toBe(true);
		expect(sent.every((s) => s.pageIndex === 1 && s.pageSize === 100)).toBe(true);

		expect(out).toHaveLength(2 + 150 + 2);
		expect(idsOf(out.slice(0, 2))).toEqual([userId(1), userId(2)]);
		expect(pairs(out.slice(0, 2))).toEqual([0, 0]);
		// Item 1 gets user 2 too, in the order it asked.
		expect(idsOf(out.slice(2, 152))).toEqual(Array.from({ length: 150 }, (_, n) => userId(n + 2)));
		expect(new Set(pairs(out.slice(2, 152)))).toEqual(new Set([1]));
		expect(idsOf(out.slice(152))).toEqual([userId(200), userId(201)]);
		expect(pairs(out.slice(152))).toEqual([2, 2]);
	});

	it('keeps tenants apart: one request per tenant, each user paired with its own item', async () => {
		const perItem = [{ userIds: userId(1) }, { tenantId: OTHER_TENANT, userIds: userId(1) }, { userIds: userId(2) }];
		const { out, sent } = await run({ perItem, send: serve() });
		expect(sent.map((s) => [s.tenantId, s.userIds])).toEqual([
			[TENANT, [userId(1), userId(2)]],
			[OTHER_TENANT, [userId(1)]],
		]);
		expect(out.map((o) => [o.json.id, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), 0],
			[userId(1), 1],
			[userId(2), 2],
		]);
	});

	it('accepts an array, matches IDs case-insensitively and sends each ID once', async () => {
		const perItem = [{ userIds: [userId(3).toUpperCase(), userId(3)] }, { userIds: [` ${userId(3)} `] }];
		const { out, sent } = await run({ perItem, send: serve() });
		expect(sent).toHaveLength(1);
		expect(sent[0]!.userIds).toEqual([userId(3).toUpperCase()]);
		expect(pairs(out)).toEqual([0, 1]);
	});

	it('outputs the IDs the tenant does not have only when asked to, paired with the asking item', async () => {
		const perItem = [{ userIds: [userId(1), MISSING_ID] }, { userIds: [MISSING_ID] }];
		const without = await run({ perItem, send: serve() });
		expect(idsOf(without.out)).toEqual([userId(1)]);

		const withNotFound = await run({ perItem, params: { options: { includeNotFound: true } }, send: serve() });
		expect(withNotFound.out.map((o) => [o.json.id, o.json.notFound ?? false, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), false, 0],
			[MISSING_ID, true, 0],
			[MISSING_ID, true, 1],
		]);
		expect(withNotFound.out[1]!.json.message).toMatch(/no user with this ID/);
	});

	it('uses a smaller page size as the chunk size', async () => {
		const perItem = [{ userIds: Array.from({ length: 25 }, (_, n) => userId(n)) }];
		const { out, sent } = await run({ perItem, params: { options: { pageSize: 10 } }, send: serve() });
		expect(sent.map((s) => [s.userIds?.length, s.pageSize])).toEqual([
			[10, 10],
			[10, 10],
			[5, 10],
		]);
		expect(out).toHaveLength(25);
	});
});

describe('Get Users Batch: all users of a tenant', () => {
	it('Return All reads every page that totalCount announces', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: true }, send: serve() });
		expect(sent.map((s) => [s.pageIndex, s.pageSize, s.userIds])).toEqual([
			[1, 100, undefined],
			[2, 100, undefined],
			[3, 100, undefined],
		]);
		expect(out).toHaveLength(250);
		expect(new Set(idsOf(out)).size).toBe(250);
	});

	it("follows a service that serves 50 users per page when asked for 100 (the newer docs' default)", async () => {
		const t = tenants();
		const capped = (options: Parameters<FakeContextOptions['send']>[0]) => {
			const request = parseRequest(options);
			return answer(t, { ...request, pageSize: Math.min(request.pageSize, 50) });
		};
		const { out, sent } = await run({ params: { userIds: '', returnAll: true }, send: capped });
		expect(sent.map((s) => [s.pageIndex, s.pageSize])).toEqual([
			[1, 100],
			[2, 50],
			[3, 50],
			[4, 50],
			[5, 50],
		]);
		expect(idsOf(out)).toEqual(makeUsers(250).map((u) => u.id));
	});

	it('finds every asked ID when the service serves fewer users per page than the chunk holds', async () => {
		const t = tenants();
		const capped = (options: Parameters<FakeContextOptions['send']>[0]) => {
			const request = parseRequest(options);
			return answer(t, { ...request, pageSize: Math.min(request.pageSize, 50) });
		};
		const ids = Array.from({ length: 100 }, (_, n) => userId(n));
		const { out } = await run({ params: { userIds: ids.join(',') }, send: capped });
		expect(idsOf(out)).toEqual(ids);
	});

	it('Limit stops reading once enough users are in', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: false, limit: 25, options: { pageSize: 10 } }, send: serve() });
		expect(sent.map((s) => s.pageIndex)).toEqual([1, 2, 3]);
		expect(idsOf(out)).toEqual(Array.from({ length: 25 }, (_, n) => userId(n)));
	});

	it('a limit below the page size is one short page', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: false, limit: 7 }, send: serve() });
		expect(sent.map((s) => [s.pageIndex, s.pageSize])).toEqual([[1, 7]]);
		expect(out).toHaveLength(7);
	});

	it('items wanting the same tenant share the reads; each gets its own limit', async () => {
		const perItem = [{ limit: 5 }, { limit: 120 }];
		const { out, sent } = await run({ perItem, params: { userIds: '', returnAll: false }, send: serve() });
		expect(sent.map((s) => s.pageIndex)).toEqual([1, 2]);
		expect(pairs(out).filter((p) => p === 0)).toHaveLength(5);
		expect(pairs(out).filter((p) => p === 1)).toHaveLength(120);
	});

	it('an empty tenant gives no items and one request', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: true }, send: serve(tenants([])) });
		expect(out).toEqual([]);
		expect(sent).toHaveLength(1);
	});
});

describe('Get Users Batch: parameters', () => {
	it('resolves a parameter without an expression once, and one with an expression for every item', async () => {
		const reads: Record<string, number> = {};
		const perItem = Array.from({ length: 50 }, (_, n) => ({ userIds: userId(n) }));
		const { ctx } = fakeContext({ params: BASE, perItem, send: serve() });
		const counting = Object.assign(Object.create(ctx) as typeof ctx, {
			getNodeParameter: (name: string, i: number, fallback?: unknown) => {
				reads[name] = (reads[name] ?? 0) + 1;
				return (ctx.getNodeParameter as (n: string, i: number, f?: unknown) => unknown)(name, i, fallback);
			},
		});
		const [out] = await new AvePointGraph().execute.call(counting);
		expect(out).toHaveLength(50);
		expect(reads.userIds).toBe(50);
		expect(reads.customerId).toBe(1);
		expect(reads.options).toBe(1);
	});
});

describe('Get Users Batch: output', () => {
	it('Simplify keeps the fields people use and labels the status codes', async () => {
		const { out } = await run({ params: { userIds: [userId(0), userId(1)] }, send: serve() });
		expect(Object.keys(out[0]!.json).sort()).toEqual(
			['department', 'displayName', 'id', 'jobTitle', 'mail', 'status', 'statusLabels', 'userPrincipalName'].sort(),
		);
		// User 0 came with a bare integer status.
		expect(out[0]!.json.status).toEqual([6]);
		expect(out[0]!.json.statusLabels).toEqual(['Inactive']);
		expect(out[1]!.json.statusLabels).toEqual(['MFA disabled', 'Sign-in blocked']);
	});

	it('Raw keeps every field the service sent, with the labels added', async () => {
		const { out } = await run({ params: { userIds: userId(1), simplify: false }, send: serve() });
		expect(out[0]!.json).toMatchObject({ id: userId(1), employeeId: '1001', isTestUser: false, startDate: '1970-01-01T00:00:00Z' });
		expect(out[0]!.json.statusLabels).toEqual(['MFA disabled', 'Sign-in blocked']);
	});
});

describe('Get Users Batch: input errors', () => {
	it('names the field and the rule, on the item that is wrong', async () => {
		const error = await failure(
			run({ perItem: [{ userIds: userId(1) }, { customerId: 'not-a-guid', userIds: userId(1) }], send: serve() }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		// n8n's guidelines: the field's display name, the rule, the item; how to fix it beneath.
		expect(error.message).toMatch(/^Customer ID must be a GUID .*\[item 1\]$/);
		expect(error.message).not.toMatch(/customerId|error/i);
		expect((error as NodeOperationError).description).toMatch(/Elements/);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('rejects a user ID that is not a GUID and a page size out of range', async () => {
		expect((await failure(run({ params: { userIds: `${userId(1)}, bob` }, send: serve() }))).message).toMatch(
			/^User IDs \(entry 2\) must be a GUID/,
		);
		expect((await failure(run({ params: { userIds: userId(1), options: { pageSize: 500 } }, send: serve() }))).message).toMatch(
			/^Page Size must be an integer from 1 to 100/,
		);
	});

	it('with continueOnFail the bad item becomes an error item and the others still run', async () => {
		const { out, sent } = await run({
			continueOnFail: true,
			perItem: [{ userIds: userId(1) }, { tenantId: '', userIds: userId(2) }, { userIds: userId(3) }],
			send: serve(),
		});
		expect(sent).toHaveLength(1);
		expect(out.map((o) => [o.json.id ?? 'error', (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), 0],
			['error', 1],
			[userId(3), 2],
		]);
		expect(out[1]!.json.error).toMatch(/^Tenant ID must be a GUID/);
	});

	it('a custom environment without a base URL fails before any request', async () => {
		const error = await failure(
			run({
				params: { userIds: userId(1) },
				credentials: { environment: 'custom', tokenUrl: 'https://id.example/connect/token' },
				send: serve(),
			}),
		);
		expect(error.message).toMatch(/Base URL/);
	});
});

describe('Get Users Batch: service errors', () => {
	it('403 says the app has no access to this customer, as a NodeApiError on the asking item', async () => {
		const error = await failure(
			run({ perItem: [{ userIds: userId(1) }, { userIds: userId(2) }], send: () => Promise.reject(httpError(NODE, 403)) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/no access to this customer/);
		expect((error as NodeApiError).httpCode).toBe('403');
		expect((error as NodeApiError).description).toMatch(/customer 966f35cc/);
		expect((error as NodeApiError).context.itemIndex).toBe(0);
	});

	it('404 names the customer and tenant', async () => {
		const error = await failure(run({ params: { userIds: userId(1) }, send: () => Promise.reject(httpError(NODE, 404)) }));
		expect(error.message).toMatch(/does not know this customer or tenant/);
	});

	it('with continueOnFail only the items of the failing tenant get error items', async () => {
		const t = tenants();
		const { out } = await run({
			continueOnFail: true,
			perItem: [{ userIds: userId(1) }, { tenantId: OTHER_TENANT, userIds: userId(1) }],
			send: (options) => {
				const request = parseRequest(options);
				if (request.tenantId === OTHER_TENANT) return Promise.reject(httpError(NODE, 403));
				return answer(t, request);
			},
		});
		expect(out.map((o) => [o.json.id ?? o.json.error, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), 0],
			[expect.stringMatching(/no access to this customer/), 1],
		]);
	});

	it('a failed chunk fails only the items whose IDs were in it (continueOnFail)', async () => {
		const t = tenants();
		const perItem = [{ userIds: Array.from({ length: 100 }, (_, n) => userId(n)) }, { userIds: userId(150) }];
		const { out } = await run({
			continueOnFail: true,
			perItem,
			send: (options, n) => (n === 1 ? Promise.reject(httpError(NODE, 403)) : answer(t, parseRequest(options))),
		});
		expect(pairs(out.filter((o) => o.json.error === undefined))).toEqual(Array(100).fill(0));
		expect(out.filter((o) => o.json.error !== undefined).map((o) => (o.pairedItem as { item: number }).item)).toEqual([1]);
	});

	it('429 is waited out (Retry-After) and retried; the users still arrive', async () => {
		const t = tenants();
		const { out, calls } = await run({
			params: { userIds: userId(1) },
			send: (options, n) => (n < 2 ? Promise.reject(httpError(NODE, 429, { 'retry-after': '0' })) : answer(t, parseRequest(options))),
		});
		expect(calls).toHaveLength(3);
		expect(idsOf(out)).toEqual([userId(1)]);
	});

	it('a 429 storm ends after the retry limit with a rate-limit message', async () => {
		const error = await failure(
			run({ params: { userIds: userId(1) }, send: () => Promise.reject(httpError(NODE, 429, { 'Retry-After': '0' })) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/rate limit/i);
		expect((error as NodeApiError).httpCode).toBe('429');
	});

	it('counts the attempts of a 429 storm: one plus the policy retries', async () => {
		const { attempts } = await runToFailure({ params: { userIds: userId(1) }, send: rejectWith(429, { 'retry-after': '0' }) });
		expect(attempts).toBe(DEFAULT_RETRY_POLICY.maxRetries + 1);
	});

	it('does not wait when Retry-After asks for longer than the policy allows', async () => {
		const { error, attempts } = await runToFailure({ params: { userIds: userId(1) }, send: rejectWith(429, { 'retry-after': '3600' }) });
		expect(attempts).toBe(1);
		expect(error.message).toMatch(/rate limit/i);
	});

	it("500 and 502 are retried (this POST is a read); a storm of them ends with the service's message", async () => {
		for (const status of [500, 502]) {
			const { error, attempts } = await runToFailure({
				params: { userIds: userId(1) },
				send: rejectWith(status, { 'retry-after': '0' }, { message: 'boom' }),
			});
			expect(attempts).toBe(DEFAULT_RETRY_POLICY.maxRetries + 1);
			expect(error.message).toMatch(status === 500 ? /internal failure.*boom/ : /bad gateway.*boom/);
		}
	});

	it('403 is not retried', async () => {
		const { attempts } = await runToFailure({ params: { userIds: userId(1) }, send: rejectWith(403, {}, { message: 'no access' }) });
		expect(attempts).toBe(1);
	});

	it('a dropped connection is retried with backoff', async () => {
		const t = tenants();
		const { out, calls } = await run({
			params: { userIds: userId(4) },
			send: (options, n) => (n === 0 ? Promise.reject(networkError(NODE)) : answer(t, parseRequest(options))),
		});
		expect(calls).toHaveLength(2);
		expect(idsOf(out)).toEqual([userId(4)]);
	});

	it('a body that is not the documented JSON fails clearly', async () => {
		const error = await failure(
			run({ params: { userIds: userId(1) }, send: () => ({ statusCode: 200, headers: {}, body: '<html>proxy login</html>' }) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/not the documented JSON/);
	});

	it('a refused credential (from preAuthentication) says so and points at the credential', async () => {
		// As the credential's preAuthentication throws it: without a code, core's code kept as avePointCode.
		const refused = Object.assign(new Error("The AvePoint identity service refused the app's credentials (HTTP 400, invalid_client)"), {
			name: 'PreAuthenticationError',
			avePointCode: 'AUTH_FAILED',
		});
		const error = await failure(
			run({ params: { userIds: userId(1) }, send: () => Promise.reject(new NodeApiError(NODE, refused as never)) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/refused the app's credentials/);
		expect((error as NodeApiError).description).toMatch(/AvePoint Graph API credential/);
	});

	it('sends through the avePointGraphApi credential, to the base URL of the credential', async () => {
		const { calls } = await run({ params: { userIds: userId(1) }, send: serve() });
		expect(calls[0]!.credentialType).toBe('avePointGraphApi');
		expect(calls[0]!.options.url.startsWith('http://127.0.0.1:4010/partner/external/v3/um/customers/')).toBe(true);
		expect(calls[0]!.options.json).toBe(true);
	});
});

describe('Get Users Batch: version 2 output', () => {
	const v2 = (params: Record<string, unknown>) => run({ typeVersion: 2, params, send: serve() });

	it('Simplified (the default), Raw and Selected Fields shape each user', async () => {
		const simplified = (await v2({ userIds: userId(1) })).out[0]!.json;
		expect(Object.keys(simplified).sort()).toEqual([
			'department',
			'displayName',
			'id',
			'jobTitle',
			'mail',
			'status',
			'statusLabels',
			'userPrincipalName',
		]);
		const raw = (await v2({ userIds: userId(1), output: 'raw' })).out[0]!.json;
		expect(raw).toMatchObject({ id: userId(1), employeeId: '1001', statusLabels: ['MFA disabled', 'Sign-in blocked'] });
		const picked = (await v2({ userIds: userId(1), output: 'fields', fields: ['mail', 'status'] })).out[0]!.json;
		expect(picked).toEqual({
			id: userId(1),
			mail: 'user1@contoso.example',
			status: [0, 1],
			statusLabels: ['MFA disabled', 'Sign-in blocked'],
		});
	});

	it('version 1 keeps Simplify, whatever Output says', async () => {
		const { out } = await run({ params: { userIds: userId(1), simplify: false, output: 'fields', fields: ['mail'] }, send: serve() });
		expect(out[0]!.json).toMatchObject({ employeeId: '1001', startDate: '1970-01-01T00:00:00Z' });
	});

	it('a Selected Fields list with an unknown field fails on its item, naming the field', async () => {
		const error = await failure(v2({ userIds: userId(1), output: 'fields', fields: ['mail', 'shoeSize'] }));
		expect(error.message).toMatch(/^Fields must name fields among .*\[item 0\]$/);
	});

	it('not-found rows have the same fields as the users found, empty, and say so', async () => {
		for (const output of ['simplified', 'raw', 'fields'] as const) {
			const { out } = await v2({ userIds: `${userId(1)}, ${MISSING_ID}`, output, fields: ['mail'], options: { includeNotFound: true } });
			const [found, missing] = out.map((o) => o.json);
			expect(found!.notFound).toBe(false);
			expect(missing).toMatchObject({ id: MISSING_ID, notFound: true, message: expect.stringMatching(/no user with this ID/) });
			for (const key of Object.keys(found!)) expect(missing, `${output}: ${key}`).toHaveProperty(key);
			for (const [key, value] of Object.entries(missing!)) if (!['id', 'notFound', 'message'].includes(key)) expect(value, key).toBeNull();
		}
	});
});

describe("n8n's UX guidelines on the node's form", () => {
	const { description } = new AvePointGraph();
	it('placeholders are examples ("e.g."), and every parameter says what it is for', () => {
		for (const property of description.properties) {
			if (property.type === 'options' && property.name === 'resource') continue;
			if (property.placeholder !== undefined && property.type !== 'collection')
				expect(property.placeholder, property.name).toMatch(/^e\.g\. /);
			if (property.type !== 'collection')
				expect(
					property.description ?? (property.options as Array<{ description?: string }> | undefined)?.[0]?.description,
					property.name,
				).toBeTruthy();
		}
	});
	it('is version 2 by default, keeps version 1 for saved workflows, and names what it reads in its subtitle', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
		expect(description.usableAsTool).toBe(true);
		const expression = String(description.subtitle)
			.replace(/^=\{\{/, '')
			.replace(/\}\}$/, '');
		const subtitle = new Function('$parameter', `return ${expression}`) as (p: object) => string;
		expect(subtitle({ userIds: 'a,b' })).toBe('Get Users Batch: by ID');
		expect(subtitle({ userIds: '' })).toBe('Get Users Batch: all users');
		expect(subtitle({ operation: 'getUsersBatch', userIds: '', tenantId: { __rl: true, mode: 'list', value: 'allTenants' } })).toBe(
			'Get Users Batch: all users in every tenant',
		);
		expect(subtitle({ operation: 'get', userId: 'x' })).toBe('Get: one user');
	});

	// What a version 1 node shows, parameter by parameter: saved workflows depend on every name,
	// type and default.
	const shownFor = (version: number, operation = 'getUsersBatch') =>
		description.properties.filter((p) => {
			const show = p.displayOptions?.show ?? {};
			const versions = show['@version'] as number[] | undefined;
			const operations = show.operation as string[] | undefined;
			return (!versions || versions.includes(version)) && (!operations || operations.includes(operation));
		});

	it('version 1 keeps its form exactly', () => {
		expect(shownFor(1).map((p) => [p.name, p.type, JSON.stringify(p.default)])).toEqual([
			['resource', 'options', '"user"'],
			['operation', 'options', '"getUsersBatch"'],
			['customerId', 'string', '""'],
			['tenantId', 'string', '""'],
			['userIds', 'string', '""'],
			['returnAll', 'boolean', 'false'],
			['limit', 'number', '50'],
			['simplify', 'boolean', 'true'],
			['options', 'collection', '{}'],
		]);
		const operation = shownFor(1).find((p) => p.name === 'operation')!;
		expect((operation.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['getUsersBatch']);
		expect(shownFor(1).find((p) => p.name === 'customerId')).toMatchObject({ displayName: 'Customer ID', required: true });
	});

	it('version 2: Get and Get Users Batch, Customer and Tenant as resource locators', () => {
		const operation = shownFor(2).find((p) => p.name === 'operation')!;
		expect((operation.options as Array<{ name: string; value: string; action: string }>).map((o) => [o.name, o.value, o.action])).toEqual([
			['Get', 'get', 'Get a user'],
			['Get Users Batch', 'getUsersBatch', 'Get users batch'],
		]);
		expect(operation.default).toBe('getUsersBatch');
		expect(shownFor(2).map((p) => p.name)).toEqual([
			'resource',
			'operation',
			'customerId',
			'tenantId',
			'userIds',
			'returnAll',
			'limit',
			'output',
			'fields',
			'options',
		]);
		expect(shownFor(2, 'get').map((p) => p.name)).toEqual([
			'resource',
			'operation',
			'customerId',
			'tenantId',
			'userId',
			'output',
			'fields',
		]);
		for (const name of ['customerId', 'tenantId']) {
			const locator = shownFor(2).find((p) => p.name === name)!;
			expect(locator.type).toBe('resourceLocator');
			// From List first and by default, as n8n's guidelines ask.
			expect(locator.default).toEqual({ mode: 'list', value: '' });
			expect(locator.modes!.map((m) => [m.displayName, m.name, m.type])).toEqual([
				['From List', 'list', 'list'],
				['By ID', 'id', 'string'],
			]);
			const [list, byId] = locator.modes!;
			expect(list!.typeOptions).toMatchObject({
				searchListMethod: name === 'customerId' ? 'searchCustomers' : 'searchTenants',
				searchable: true,
			});
			expect(byId!.placeholder).toMatch(/^e\.g\. [0-9a-f-]{36}$/);
			const rule = byId!.validation![0] as { type: string; properties: { regex: string; errorMessage: string } };
			const valid = (value: string) => new RegExp(`^${rule.properties.regex}$`).test(value);
			expect(valid(CUSTOMER)).toBe(true);
			expect(valid(CUSTOMER.toUpperCase())).toBe(true);
			expect(valid('contoso')).toBe(false);
			expect(valid(`${CUSTOMER}0`)).toBe(false);
			expect(rule.properties.errorMessage).toMatch(/GUID/);
		}
		expect(shownFor(2).find((p) => p.name === 'tenantId')!.typeOptions).toEqual({ loadOptionsDependsOn: ['customerId.value'] });
		expect(Object.keys(new AvePointGraph().methods.listSearch).sort()).toEqual(['searchCustomers', 'searchTenants']);
	});
});
