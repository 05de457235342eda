// Get Users Batch's Status option (version 2): only users with any of the chosen statuses.
import { USER_STATUS_NAMES } from '@avepoint-graph-kit/core/protocol';
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraph } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/AvePointGraph.node';
import { fakeContext, type FakeContextOptions } from './helpers/fakeContext';
import { customerGuid, makeDirectory, serveDirectory, tenantGuid, tenantUserId } from './helpers/fakeDirectory';
import { locator } from './helpers/fakeLoadOptions';

// Contoso Production has 7 users; user n has status n % 9 (0 MFA disabled, 1 sign-in blocked, ... 6 inactive).
const BASE = {
	resource: 'user',
	operation: 'getUsersBatch',
	customerId: locator(customerGuid(0)),
	tenantId: locator(tenantGuid(0, 0)),
	userIds: '',
	returnAll: true,
};

async function run(o: Partial<FakeContextOptions> = {}) {
	const { ctx, calls } = fakeContext({ typeVersion: 2, send: serveDirectory(makeDirectory()), ...o, params: { ...BASE, ...o.params } });
	const [out] = await new AvePointGraph().execute.call(ctx);
	return { out: out as INodeExecutionData[], calls };
}

const ids = (out: INodeExecutionData[]) => out.map((o) => o.json.id);

describe('Status filter', () => {
	it('keeps the users with any of the statuses chosen', async () => {
		const { out } = await run({ params: { options: { status: ['mfaDisabled', 'inactive'] } } });
		expect(ids(out)).toEqual([tenantUserId(0, 0, 0), tenantUserId(0, 0, 6)]);
		expect(out.map((o) => o.json.statusLabels)).toEqual([['MFA disabled'], ['Inactive']]);
	});

	it('with a Limit, counts the users that pass and reads on until it has that many', async () => {
		const { out } = await run({
			params: { returnAll: false, limit: 2, options: { status: ['signInBlocked', 'highRisk', 'inactive'], pageSize: 2 } },
		});
		expect(ids(out)).toEqual([tenantUserId(0, 0, 1), tenantUserId(0, 0, 3)]);
		// A large tenant: the reading stops soon after the users are in, far from its end.
		const dir = makeDirectory();
		dir.users.set(
			tenantGuid(0, 0),
			Array.from({ length: 300 }, (_, n) => ({ ...dir.users.get(tenantGuid(0, 0))![0]!, id: tenantUserId(0, 0, n), status: [n % 9] })),
		);
		const big = await run({
			send: serveDirectory(dir),
			params: { returnAll: false, limit: 3, options: { status: ['testUser'], pageSize: 10, concurrency: 1 } },
		});
		expect(ids(big.out)).toEqual([8, 17, 26].map((n) => tenantUserId(0, 0, n)));
		expect(big.calls.length).toBeLessThan(10);
	});

	it('filters users asked by ID too; an ID filtered out is no "not found"', async () => {
		const { out } = await run({
			params: {
				userIds: [tenantUserId(0, 0, 2), tenantUserId(0, 0, 3)].join(','),
				options: { status: ['passwordExpired'], includeNotFound: true },
			},
		});
		expect(out.map((o) => [o.json.id, o.json.notFound])).toEqual([[tenantUserId(0, 0, 2), false]]);
	});

	it('takes names, labels or codes from an expression; anything else fails naming the statuses', async () => {
		expect(ids((await run({ params: { options: { status: 'Medium risk, 5' } } })).out)).toEqual([
			tenantUserId(0, 0, 4),
			tenantUserId(0, 0, 5),
		]);
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
