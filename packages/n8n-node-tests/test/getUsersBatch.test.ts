// Get Users Batch: IDs from many items, every user of a tenant, the output, and what the node does
// with what the service answers. The service is the sandbox, in process (helpers/sandboxHelper.ts):
// its seeded Contoso Production tenant (250 users), its other tenants and its fault rules.
import { DEFAULT_RETRY_POLICY, USER_STATUS_LABELS } from '@avepoint-graph-kit/core/protocol';
import type { SandboxUser } from '@avepoint-graph-kit/sandbox';
import { NodeApiError, NodeOperationError, type IHttpRequestHelper, type INodeExecutionData } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AvePointGraphApi } from 'n8n-nodes-avepoint-graph/dist/credentials/AvePointGraphApi.credentials';
import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, NODE, type FakeContextOptions } from './helpers/fakeContext';
import { closeSandboxes, startNodeSandbox, streamedResponse, usersRequests, type NodeSandbox } from './helpers/sandboxHelper';

let s: NodeSandbox;
beforeEach(async () => {
	s = await startNodeSandbox();
});
afterEach(closeSandboxes);

// The seeded world: customer 0 is Contoso (tenant 0 Contoso Production, 250 users; tenant 2
// Contoso Staging), customer 1 Fabrikam, outside the demo app's scope, customer 3 Woodgrove Bank
// (tenant 1, its archive, has no user).
const PRODUCTION = 0;
const STAGING = 2;
const customerId = (c = 0) => s.sb.customers[c]!.customerId;
const tenantId = (t = PRODUCTION, c = 0) => s.sb.customers[c]!.tenants[t]!.tenantId;
const userId = (n: number, t = PRODUCTION, c = 0) => s.sb.userAt(c, t, n).id;
const usersOf = (t = PRODUCTION, c = 0) => Array.from({ length: s.sb.customers[c]!.tenants[t]!.users }, (_, n) => s.sb.userAt(c, t, n));
/** A user of the staging tenant: the production tenant has no user with this ID. */
const missingId = () => userId(0, STAGING);

/** The first user of the production tenant whose status codes pass the test. */
function userWhere(test: (status: number[]) => boolean): SandboxUser {
	const user = usersOf().find((u) => test(u.status));
	if (!user) throw new Error('the seeded tenant has no such user');
	return user;
}

const labels = (status: readonly number[]) => status.map((code) => USER_STATUS_LABELS[code as keyof typeof USER_STATUS_LABELS]);

const base = () => ({
	resource: 'user',
	operation: 'getUsersBatch',
	customerId: customerId(),
	tenantId: tenantId(),
	simplify: true,
	options: {},
});

type RunOptions = Partial<FakeContextOptions>;

const contextOf = (o: RunOptions) =>
	fakeContext({ credentials: s.credentials, send: s.httpRequestWithAuthentication, ...o, params: { ...base(), ...o.params } });

/** Runs the node: its items, what it passed to n8n's helper, and what the sandbox received. */
async function run(o: RunOptions = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = contextOf(o);
	const [out] = await new AvePointGraph().execute.call(ctx);
	return { out: out as INodeExecutionData[], calls, sent: usersRequests(s.sb) };
}

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
async function runToFailure(o: RunOptions = {}) {
	s.sb.clearRequests();
	const { ctx, calls } = contextOf(o);
	const error = await failure(new AvePointGraph().execute.call(ctx));
	return { error, attempts: calls.length, received: usersRequests(s.sb).length };
}

/** Fabrikam's tenant and users: the app may not read them (403). */
const fabrikam = () => ({ customerId: customerId(1), tenantId: tenantId(0, 1) });

describe('Get Users Batch: IDs from many items', () => {
	it('sends the IDs of all items together, up to 100 per request, and pairs each user with the item that asked', async () => {
		const perItem = [
			{ userIds: [userId(1), userId(2)] },
			{ userIds: Array.from({ length: 150 }, (_, n) => userId(n + 2)).join(',') }, // overlaps item 0 on user 2
			{ userIds: `${userId(200)}\n${userId(201)}` },
		];
		const { out, sent } = await run({ perItem });

		// 153 distinct IDs: two requests, not one per item.
		expect(sent).toHaveLength(2);
		expect(sent.map((r) => r.userIds?.length)).toEqual([100, 53]);
		expect(sent.every((r) => r.method === 'POST' && r.customerId === customerId() && r.tenantId === tenantId())).toBe(true);
		expect(sent.every((r) => r.pageIndex === 1 && r.pageSize === 100)).toBe(true);

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
		const perItem = [{ userIds: userId(1) }, { tenantId: tenantId(STAGING), userIds: userId(1, STAGING) }, { userIds: userId(2) }];
		const { out, sent } = await run({ perItem });
		expect(sent.map((r) => [r.tenantId, r.userIds])).toEqual([
			[tenantId(), [userId(1), userId(2)]],
			[tenantId(STAGING), [userId(1, STAGING)]],
		]);
		expect(out.map((o) => [o.json.id, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), 0],
			[userId(1, STAGING), 1],
			[userId(2), 2],
		]);
	});

	it('accepts an array, matches IDs case-insensitively and sends each ID once', async () => {
		const perItem = [{ userIds: [userId(3).toUpperCase(), userId(3)] }, { userIds: [` ${userId(3)} `] }];
		const { out, sent } = await run({ perItem });
		expect(sent).toHaveLength(1);
		expect(sent[0]!.userIds).toEqual([userId(3).toUpperCase()]);
		expect(idsOf(out)).toEqual([userId(3), userId(3)]);
		expect(pairs(out)).toEqual([0, 1]);
	});

	it('outputs the IDs the tenant does not have only when asked to, paired with the asking item', async () => {
		const perItem = [{ userIds: [userId(1), missingId()] }, { userIds: [missingId()] }];
		const without = await run({ perItem });
		expect(idsOf(without.out)).toEqual([userId(1)]);

		const withNotFound = await run({ perItem, params: { options: { includeNotFound: true } } });
		expect(withNotFound.out.map((o) => [o.json.id, o.json.notFound ?? false, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), false, 0],
			[missingId(), true, 0],
			[missingId(), true, 1],
		]);
		expect(withNotFound.out[1]!.json.message).toMatch(/no user with this ID/);
	});

	it('uses a smaller page size as the chunk size', async () => {
		const perItem = [{ userIds: Array.from({ length: 25 }, (_, n) => userId(n)) }];
		const { out, sent } = await run({ perItem, params: { options: { pageSize: 10 } } });
		expect(sent.map((r) => [r.userIds?.length, r.pageSize])).toEqual([
			[10, 10],
			[10, 10],
			[5, 10],
		]);
		expect(idsOf(out)).toEqual(Array.from({ length: 25 }, (_, n) => userId(n)));
	});
});

describe('Get Users Batch: all users of a tenant', () => {
	it('Return All reads every page that totalCount announces', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: true } });
		expect(sent.map((r) => [r.pageIndex, r.pageSize, r.userIds])).toEqual([
			[1, 100, undefined],
			[2, 100, undefined],
			[3, 100, undefined],
		]);
		expect(idsOf(out)).toEqual(usersOf().map((u) => u.id));
	});

	it("follows a service that serves 50 users per page when asked for 100 (the newer docs' default)", async () => {
		s = await startNodeSandbox({ maxServedPageSize: 50 });
		const { out, sent } = await run({ params: { userIds: '', returnAll: true } });
		expect(sent.map((r) => [r.pageIndex, r.pageSize])).toEqual([
			[1, 100],
			[2, 50],
			[3, 50],
			[4, 50],
			[5, 50],
		]);
		expect(idsOf(out)).toEqual(usersOf().map((u) => u.id));
	});

	it('finds every asked ID when the service serves fewer users per page than the chunk holds', async () => {
		s = await startNodeSandbox({ maxServedPageSize: 50 });
		const ids = Array.from({ length: 100 }, (_, n) => userId(n));
		const { out, sent } = await run({ params: { userIds: ids.join(',') } });
		expect(idsOf(out)).toEqual(ids);
		// The chunk's second half is on its page 2, at 50 a page.
		expect(sent.map((r) => [r.pageIndex, r.userIds?.length])).toEqual([
			[1, 100],
			[2, 100],
		]);
	});

	it('Limit stops reading once enough users are in', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: false, limit: 25, options: { pageSize: 10 } } });
		expect(sent.map((r) => r.pageIndex)).toEqual([1, 2, 3]);
		expect(idsOf(out)).toEqual(Array.from({ length: 25 }, (_, n) => userId(n)));
	});

	it('a limit below the page size is one short page', async () => {
		const { out, sent } = await run({ params: { userIds: '', returnAll: false, limit: 7 } });
		expect(sent.map((r) => [r.pageIndex, r.pageSize])).toEqual([[1, 7]]);
		expect(idsOf(out)).toEqual(Array.from({ length: 7 }, (_, n) => userId(n)));
	});

	it('items wanting the same tenant share the reads; each gets its own limit', async () => {
		const perItem = [{ limit: 5 }, { limit: 120 }];
		const { out, sent } = await run({ perItem, params: { userIds: '', returnAll: false } });
		expect(sent.map((r) => r.pageIndex)).toEqual([1, 2]);
		expect(pairs(out).filter((p) => p === 0)).toHaveLength(5);
		expect(pairs(out).filter((p) => p === 1)).toHaveLength(120);
	});

	it('an empty tenant gives no items and one request', async () => {
		// Woodgrove Bank's archive tenant.
		expect(s.sb.customers[3]!.tenants[1]!.users).toBe(0);
		const { out, sent } = await run({ params: { customerId: customerId(3), tenantId: tenantId(1, 3), userIds: '', returnAll: true } });
		expect(out).toEqual([]);
		expect(sent).toHaveLength(1);
	});
});

describe('Get Users Batch: parameters', () => {
	it('resolves a parameter without an expression once, and one with an expression for every item', async () => {
		const reads: Record<string, number> = {};
		const perItem = Array.from({ length: 50 }, (_, n) => ({ userIds: userId(n) }));
		const { ctx } = contextOf({ perItem });
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
	const SIMPLIFIED = ['department', 'displayName', 'id', 'jobTitle', 'mail', 'status', 'statusLabels', 'userPrincipalName'];
	const simplified = (u: SandboxUser, status = u.status) => ({
		id: u.id,
		displayName: u.displayName,
		userPrincipalName: u.userPrincipalName,
		mail: u.mail,
		department: u.department,
		jobTitle: u.jobTitle,
		status,
		statusLabels: labels(status),
	});

	it('Simplify keeps the fields people use and labels the status codes', async () => {
		const several = userWhere((status) => status.length >= 2);
		const inactive = userWhere((status) => status.length === 1 && status[0] === 6);
		const { out } = await run({ params: { userIds: [several.id, inactive.id] } });
		expect(Object.keys(out[0]!.json).sort()).toEqual(SIMPLIFIED);
		expect(out.map((o) => o.json)).toEqual([simplified(several), simplified(inactive)]);
		expect(out[1]!.json.statusLabels).toEqual(['Inactive']);
	});

	it('reads a status sent as a bare integer (the documented inconsistency) as an array', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, statusAsInteger: true }]);
		const inactive = userWhere((status) => status.length === 1 && status[0] === 6);
		const several = userWhere((status) => status.length >= 2);
		const { out } = await run({ params: { userIds: [inactive.id, several.id] } });
		expect(out[0]!.json.status).toEqual([6]);
		expect(out[0]!.json.statusLabels).toEqual(['Inactive']);
		// A bare integer holds one code: the first.
		expect(out[1]!.json).toEqual(simplified(several, several.status.slice(0, 1)));
	});

	it('Raw keeps every field the service sent, with the labels added', async () => {
		const { out } = await run({ params: { userIds: userId(1), simplify: false } });
		const user = s.sb.userAt(0, PRODUCTION, 1);
		expect(out[0]!.json).toEqual({ ...user, statusLabels: labels(user.status) });
	});
});

describe('Get Users Batch: input errors', () => {
	it('names the field and the rule, on the item that is wrong', async () => {
		const error = await failure(run({ perItem: [{ userIds: userId(1) }, { customerId: 'not-a-guid', userIds: userId(1) }] }));
		expect(error).toBeInstanceOf(NodeOperationError);
		// n8n's guidelines: the field's display name, the rule, the item; how to fix it beneath.
		expect(error.message).toMatch(/^Customer ID must be a GUID .*\[item 1\]$/);
		expect(error.message).not.toMatch(/customerId|error/i);
		expect((error as NodeOperationError).description).toMatch(/Elements/);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('rejects a user ID that is not a GUID and a page size out of range', async () => {
		expect((await failure(run({ params: { userIds: `${userId(1)}, bob` } }))).message).toMatch(/^User IDs \(entry 2\) must be a GUID/);
		expect((await failure(run({ params: { userIds: userId(1), options: { pageSize: 500 } } }))).message).toMatch(
			/^Page Size must be an integer from 1 to 100/,
		);
		expect(s.sb.requests()).toEqual([]);
	});

	it('with continueOnFail the bad item becomes an error item and the others still run', async () => {
		const { out, sent } = await run({
			continueOnFail: true,
			perItem: [{ userIds: userId(1) }, { tenantId: '', userIds: userId(2) }, { userIds: userId(3) }],
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
			run({ params: { userIds: userId(1) }, credentials: { environment: 'custom', tokenUrl: 'https://id.example/connect/token' } }),
		);
		expect(error.message).toMatch(/Base URL/);
		expect(s.sb.requests()).toEqual([]);
	});
});

describe('Get Users Batch: service errors', () => {
	it('403 says the app has no access to this customer, as a NodeApiError on the asking item', async () => {
		expect(s.sb.customers[1]!.inScope).toBe(false);
		const error = await failure(run({ params: fabrikam(), perItem: [{ userIds: userId(1, 0, 1) }, { userIds: userId(2, 0, 1) }] }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/no access to this customer/);
		expect((error as NodeApiError).httpCode).toBe('403');
		expect((error as NodeApiError).description).toContain(`customer ${customerId(1)}`);
		expect((error as NodeApiError).context.itemIndex).toBe(0);
	});

	it('404 names the customer and tenant', async () => {
		// Fabrikam's tenant is not one of Contoso's.
		const error = await failure(run({ params: { tenantId: fabrikam().tenantId, userIds: userId(1) } }));
		expect((error as NodeApiError).httpCode).toBe('404');
		expect(error.message).toMatch(/does not know this customer or tenant/);
	});

	it('with continueOnFail only the items of the failing tenant get error items', async () => {
		const { out } = await run({
			continueOnFail: true,
			perItem: [{ userIds: userId(1) }, { ...fabrikam(), userIds: userId(1, 0, 1) }],
		});
		expect(out.map((o) => [o.json.id ?? o.json.error, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(1), 0],
			[expect.stringMatching(/no access to this customer/), 1],
		]);
	});

	it('a failed chunk fails only the items whose IDs were in it (continueOnFail)', async () => {
		// A service that takes at most 99 IDs: the first chunk (item 0's 100 IDs) is a 400, the second is read.
		s = await startNodeSandbox({ maxUserIds: 99 });
		const perItem = [{ userIds: Array.from({ length: 100 }, (_, n) => userId(n)) }, { userIds: userId(150) }];
		const { out, sent } = await run({ continueOnFail: true, perItem });
		expect(sent.map((r) => r.userIds?.length)).toEqual([100, 1]);
		expect(out.filter((o) => o.json.error === undefined).map((o) => [o.json.id, (o.pairedItem as { item: number }).item])).toEqual([
			[userId(150), 1],
		]);
		expect(out.filter((o) => o.json.error !== undefined).map((o) => (o.pairedItem as { item: number }).item)).toEqual([0]);
	});

	it('429 is waited out (Retry-After) and retried; the users still arrive', async () => {
		s.sb.setFaults([{ match: { path: 'users', first: 2 }, status: 429, retryAfter: '0' }]);
		const { out, calls } = await run({ params: { userIds: userId(1) } });
		expect(calls).toHaveLength(3);
		expect(s.sb.stats().byStatus[429]).toBe(2);
		expect(idsOf(out)).toEqual([userId(1)]);
	});

	it('a 429 storm ends after the retry limit with a rate-limit message', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, status: 429, retryAfter: '0' }]);
		const error = await failure(run({ params: { userIds: userId(1) } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/rate limit/i);
		expect((error as NodeApiError).httpCode).toBe('429');
	});

	it('counts the attempts of a 429 storm: one plus the policy retries', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, status: 429, retryAfter: '0' }]);
		const { attempts, received } = await runToFailure({ params: { userIds: userId(1) } });
		expect(attempts).toBe(DEFAULT_RETRY_POLICY.maxRetries + 1);
		expect(received).toBe(attempts);
	});

	it('does not wait when Retry-After asks for longer than the policy allows', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, status: 429, retryAfter: '3600' }]);
		const { error, attempts } = await runToFailure({ params: { userIds: userId(1) } });
		expect(attempts).toBe(1);
		expect(error.message).toMatch(/rate limit/i);
	});

	it("500 and 502 are retried (this POST is a read); a storm of them ends with the service's message", async () => {
		for (const status of [500, 502] as const) {
			s.sb.setFaults([{ match: { path: 'users' }, status, retryAfter: '0', body: { message: 'boom' } }]);
			const { error, attempts } = await runToFailure({ params: { userIds: userId(1) } });
			expect(attempts).toBe(DEFAULT_RETRY_POLICY.maxRetries + 1);
			expect(error.message).toMatch(status === 500 ? /internal failure.*boom/ : /bad gateway.*boom/);
		}
	});

	it('403 is not retried', async () => {
		const { attempts } = await runToFailure({ params: { ...fabrikam(), userIds: userId(1, 0, 1) } });
		expect(attempts).toBe(1);
	});

	it('a dropped connection is retried with backoff', async () => {
		s.sb.setFaults([{ match: { path: 'users', first: 1 }, reset: true }]);
		const { out, calls } = await run({ params: { userIds: userId(4) } });
		expect(calls).toHaveLength(2);
		expect(idsOf(out)).toEqual([userId(4)]);
	});

	it('a body cut off part way is retried like a dropped connection', async () => {
		s.sb.setFaults([{ match: { path: 'users', first: 1 }, truncateBody: {} }]);
		const { out, calls } = await run({ params: { userIds: userId(4) } });
		expect(calls).toHaveLength(2);
		expect(idsOf(out)).toEqual([userId(4)]);
	});

	it('a corrupt compressed body fails at once: resending fetches the same bytes', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, corruptBody: { encoding: 'gzip' } }]);
		const { error, attempts } = await runToFailure({ params: { userIds: userId(4) } });
		expect(attempts).toBe(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/could not be decoded/);
	});

	it('a huge, an endless or a compression-bomb body is read no further than the bound, and not retried', async () => {
		for (const rule of [
			{ hugeBody: { bytes: 8 * 1024 * 1024 } },
			{ hugeBody: { bytes: 'endless' as const, contentLength: false } },
			{ compressionBomb: { decompressedBytes: 64 * 1024 * 1024 } },
		]) {
			s.sb.setFaults([{ match: { path: 'users' }, ...rule }]);
			const { error, attempts } = await runToFailure({ params: { userIds: '', returnAll: true } });
			expect(attempts, JSON.stringify(rule)).toBe(1);
			expect(error.message).toMatch(/larger than maxResponseBytes \(4194304 bytes/);
		}
	});

	it('a body that is not the documented JSON fails clearly', async () => {
		// A proxy's login page in place of the API's answer: no sandbox rule sends a 200 that is HTML.
		const error = await failure(
			run({
				params: { userIds: userId(1) },
				send: async () => streamedResponse(200, '<html>proxy login</html>', { 'content-type': 'text/html' }),
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/not the documented JSON/);
	});

	it('an expired token is renewed by n8n (after the 401) and the read goes on', async () => {
		s.sb.setFaults([{ match: { path: 'users', first: 1 }, expireTokens: true }]);
		const { out } = await run({ params: { userIds: userId(1) } });
		expect(idsOf(out)).toEqual([userId(1)]);
		expect(s.sb.stats()).toMatchObject({ tokenRequests: 2, byStatus: { 401: 1 } });
	});

	it('a 401 that the renewed token meets too points at the credential', async () => {
		s.sb.setFaults([{ match: { path: 'users' }, expireTokens: true }]);
		const { error, attempts } = await runToFailure({ params: { userIds: userId(1) } });
		expect(attempts).toBe(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('401');
		expect((error as NodeApiError).description).toMatch(/AvePoint Graph API credential/);
	});

	it('a refused credential (from preAuthentication) says so and points at the credential', async () => {
		// The credential's own preAuthentication, refused by the sandbox's identity service; n8n's
		// helper throws what it threw inside a NodeApiError, without sending the request.
		const refused = await new AvePointGraphApi().preAuthentication
			.call({ helpers: { httpRequest: s.httpRequest } } as unknown as IHttpRequestHelper, {
				...s.credentials,
				clientSecret: 'not-the-secret',
			})
			.then(
				() => {
					throw new Error('expected the identity service to refuse the secret');
				},
				(e: unknown) => e as Error,
			);
		expect(s.sb.requests().at(-1)).toMatchObject({ endpoint: 'token', status: 401 });
		const error = await failure(
			run({ params: { userIds: userId(1) }, send: () => Promise.reject(new NodeApiError(NODE, refused as never)) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/refused the app's credentials \(HTTP 401, invalid_client\)/);
		expect((error as NodeApiError).description).toMatch(/AvePoint Graph API credential/);
	});

	it('sends through the avePointGraphApi credential, to the base URL of the credential, with a bearer token', async () => {
		const { calls, sent } = await run({ params: { userIds: userId(1) } });
		expect(calls[0]!.credentialType).toBe('avePointGraphApi');
		expect(calls[0]!.options.url.startsWith(`${s.sb.baseUrl}/partner/external/v3/um/customers/`)).toBe(true);
		expect(calls[0]!.options.json).toBe(true);
		expect(sent[0]!.authorizationScheme).toBe('Bearer');
	});
});

describe('Get Users Batch: version 2 output', () => {
	const v2 = (params: Record<string, unknown>) => run({ typeVersion: 2, params });

	it('Simplified (the default), Raw and Selected Fields shape each user', async () => {
		const user = s.sb.userAt(0, PRODUCTION, 1);
		const simplified = (await v2({ userIds: user.id })).out[0]!.json;
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
		const raw = (await v2({ userIds: user.id, output: 'raw' })).out[0]!.json;
		expect(raw).toEqual({ ...user, statusLabels: labels(user.status) });
		const picked = (await v2({ userIds: user.id, output: 'fields', fields: ['mail', 'status'] })).out[0]!.json;
		expect(picked).toEqual({ id: user.id, mail: user.mail, status: user.status, statusLabels: labels(user.status) });
	});

	it('version 1 keeps Simplify, whatever Output says', async () => {
		const user = s.sb.userAt(0, PRODUCTION, 1);
		const { out } = await run({ params: { userIds: user.id, simplify: false, output: 'fields', fields: ['mail'] } });
		expect(out[0]!.json).toMatchObject({ employeeId: user.employeeId, startDate: user.startDate });
	});

	it('a Selected Fields list with an unknown field fails on its item, naming the field', async () => {
		const error = await failure(v2({ userIds: userId(1), output: 'fields', fields: ['mail', 'shoeSize'] }));
		expect(error.message).toMatch(/^Fields must name fields among .*\[item 0\]$/);
	});

	it('not-found rows have the same fields as the users found, empty, and say so', async () => {
		for (const output of ['simplified', 'raw', 'fields'] as const) {
			const { out } = await v2({ userIds: `${userId(1)}, ${missingId()}`, output, fields: ['mail'], options: { includeNotFound: true } });
			const [found, missing] = out.map((o) => o.json);
			expect(found!.notFound).toBe(false);
			expect(missing).toMatchObject({ id: missingId(), notFound: true, message: expect.stringMatching(/no user with this ID/) });
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
			expect(valid(customerId())).toBe(true);
			expect(valid(customerId().toUpperCase())).toBe(true);
			expect(valid('contoso')).toBe(false);
			expect(valid(`${customerId()}0`)).toBe(false);
			expect(rule.properties.errorMessage).toMatch(/GUID/);
		}
		expect(shownFor(2).find((p) => p.name === 'tenantId')!.typeOptions).toEqual({ loadOptionsDependsOn: ['customerId.value'] });
		expect(Object.keys(new AvePointGraph().methods.listSearch).sort()).toEqual(['searchCustomers', 'searchTenants']);
	});
});
