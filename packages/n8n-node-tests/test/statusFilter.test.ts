// Get Users Batch's Status option (version 2): only users with any of the chosen statuses. The
// tenant is the sandbox's Contoso Production, in process (helpers/sandboxHelper.ts): its users
// carry every status code (the first nine in turn), some of them several.
import { USER_STATUS_LABELS, USER_STATUS_NAMES } from '@avepoint-graph-kit/core/protocol';
import type { SandboxUser } from '@avepoint-graph-kit/sandbox';
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, type FakeContextOptions } from './helpers/fakeContext';
import { locator } from './helpers/fakeLoadOptions';
import { closeSandboxes, startNodeSandbox, type NodeSandbox } from './helpers/sandboxHelper';

const TENANT_USERS = 300;

let s: NodeSandbox;
beforeEach(async () => {
	s = await startNodeSandbox({ users: TENANT_USERS });
});
afterEach(closeSandboxes);

const users = (): SandboxUser[] => Array.from({ length: TENANT_USERS }, (_, n) => s.sb.userAt(0, 0, n));
/** The tenant's users, in order, with any of these status codes. */
const usersWithAny = (...codes: number[]) => users().filter((u) => u.status.some((code) => codes.includes(code)));
const labels = (status: readonly number[]) => status.map((code) => USER_STATUS_LABELS[code as keyof typeof USER_STATUS_LABELS]);

const base = () => ({
	resource: 'user',
	operation: 'getUsersBatch',
	customerId: locator(s.sb.customers[0]!.customerId),
	tenantId: locator(s.sb.customers[0]!.tenants[0]!.tenantId),
	userIds: '',
	returnAll: true,
});

async function run(o: Partial<FakeContextOptions> = {}) {
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

const ids = (out: INodeExecutionData[]) => out.map((o) => o.json.id);

describe('Status filter', () => {
	it('keeps the users with any of the statuses chosen', async () => {
		const { out } = await run({ params: { options: { status: ['mfaDisabled', 'inactive'] } } });
		const expected = usersWithAny(0, 6);
		expect(ids(out)).toEqual(expected.map((u) => u.id));
		expect(out.map((o) => o.json.statusLabels)).toEqual(expected.map((u) => labels(u.status)));
		expect(out.length).toBeLessThan(TENANT_USERS);
	});

	it('with a Limit, counts the users that pass and reads on until it has that many', async () => {
		const { out } = await run({
			params: { returnAll: false, limit: 2, options: { status: ['signInBlocked', 'highRisk', 'inactive'], pageSize: 2 } },
		});
		expect(ids(out)).toEqual(
			usersWithAny(1, 3, 6)
				.slice(0, 2)
				.map((u) => u.id),
		);
		// Test users are few: the reading stops soon after three are in, far from the tenant's end.
		const testUsers = usersWithAny(8).slice(0, 3);
		const pagesToThird = Math.floor(users().findIndex((u) => u.id === testUsers[2]!.id) / 10) + 1;
		const big = await run({ params: { returnAll: false, limit: 3, options: { status: ['testUser'], pageSize: 10, concurrency: 1 } } });
		expect(ids(big.out)).toEqual(testUsers.map((u) => u.id));
		expect(big.calls.length).toBeLessThanOrEqual(pagesToThird + 1);
		expect(big.calls.length).toBeLessThan(TENANT_USERS / 10);
	});

	it('filters users asked by ID too; an ID filtered out is no "not found"', async () => {
		const expired = usersWithAny(2)[0]!;
		const other = users().find((u) => !u.status.includes(2))!;
		const { out } = await run({
			params: { userIds: [expired.id, other.id].join(','), options: { status: ['passwordExpired'], includeNotFound: true } },
		});
		expect(out.map((o) => [o.json.id, o.json.notFound])).toEqual([[expired.id, false]]);
	});

	it('takes names, labels or codes from an expression; anything else fails naming the statuses', async () => {
		expect(ids((await run({ params: { options: { status: 'Medium risk, 5' } } })).out)).toEqual(usersWithAny(4, 5).map((u) => u.id));
		const bad = await run({ params: { options: { status: ['tall'] } } }).catch((e: Error) => e);
		expect((bad as Error).message).toMatch(/^Status must name user statuses: mfaDisabled, .* \(received "tall"\) \[item 0\]$/);
	});

	it('is an option of version 2, its values the statuses by name, in title case and sorted', () => {
		const options = new AvePointGraph().description.properties.filter((p) => p.name === 'options');
		const v2 = options.find((p) => (p.displayOptions?.show?.['@version'] as number[] | undefined)?.includes(2))!;
		const status = (v2.options as INodeProperties[]).find((o) => o.name === 'status')!;
		expect(status.type).toBe('multiOptions');
		const choices = status.options as Array<{ name: string; value: string }>;
		expect(choices.map((c) => c.value).sort()).toEqual(Object.keys(USER_STATUS_NAMES).sort());
		expect(choices.map((c) => c.name)).toEqual([
			'Compliance',
			'High Risk',
			'Inactive',
			'Medium Risk',
			'MFA Disabled',
			'Password Expired',
			'Pending Deletion',
			'Sign-In Blocked',
			'Test User',
		]);
		const v1 = options.find((p) => (p.displayOptions?.show?.['@version'] as number[] | undefined)?.includes(1))!;
		expect((v1.options as INodeProperties[]).map((o) => o.name)).toEqual(['includeNotFound', 'pageSize', 'concurrency']);
	});
});
