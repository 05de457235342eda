// Get: one user in full per item (the one-user endpoint), a few items at a time through one
// scheduler (retries, 429 pacing). Items that ask for the same user share one request. A user the
// tenant does not have is an error on its item (404, "AvePoint knows no such user"), or with
// Continue On Fail an error item, while the other items still get their users.
import {
	AvePointInputError,
	DEFAULT_CONCURRENCY,
	idKey,
	statusLabels,
	validateGuid,
	type UserDetail,
} from '../core/protocol';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ALL_CUSTOMERS, ALL_TENANTS } from '../descriptions/locators';
import {
	SIMPLIFIED_DETAIL_FIELDS,
	USER_DETAIL_FIELD_NAMES,
} from '../descriptions/userDetailFields';
import { endpointsFromCredentials } from '../credentialSupport/endpoints';
import { CREDENTIAL_TYPE } from '../transport/apiRequest';
import { toNodeError } from '../transport/nodeErrors';
import { n8nScheduler } from '../transport/scheduler';
import { sendUserRequest } from '../transport/userRequest';
import { itemParameters, locatorValue, readOutput, type Output } from './itemParameters';

interface GetRequest {
	itemIndex: number;
	customerId: string;
	tenantId: string;
	userId: string;
	output: Output;
}

type ItemParameter = ReturnType<typeof itemParameters>;

function readOne(value: unknown, field: 'customerId' | 'tenantId'): string {
	if (value === ALL_CUSTOMERS || value === ALL_TENANTS) {
		throw new AvePointInputError(
			field,
			'must name one customer and one tenant for Get (All Customers and All Tenants are for Get Users Batch)',
		);
	}
	return validateGuid(field, value);
}

function readRequest(param: ItemParameter, itemIndex: number): GetRequest {
	return {
		itemIndex,
		customerId: readOne(locatorValue(param('customerId', itemIndex)), 'customerId'),
		tenantId: readOne(locatorValue(param('tenantId', itemIndex)), 'tenantId'),
		userId: validateGuid('userId', param('userId', itemIndex)),
		output: readOutput(param, itemIndex, USER_DETAIL_FIELD_NAMES),
	};
}

function detailJson(user: UserDetail, output: Output): IDataObject {
	const source = user as unknown as Record<string, unknown>;
	const pick = (fields: readonly string[]): IDataObject => {
		const picked: IDataObject = { id: user.id };
		for (const field of fields) {
			if (field === 'id') continue;
			picked[field] = (source[field] ?? null) as IDataObject[string];
			if (field === 'status') picked.statusLabels = statusLabels(user.status);
		}
		return picked;
	};
	if (output.mode === 'simplified') return pick(SIMPLIFIED_DETAIL_FIELDS);
	if (output.mode === 'fields') return pick(output.fields);
	return { ...source, statusLabels: statusLabels(user.status) } as IDataObject;
}

const where = (r: GetRequest): string =>
	`customer ${r.customerId}, tenant ${r.tenantId}, user ${r.userId}`;

export async function getUser(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const param = itemParameters(this);
	const outcomes: Array<
		{ user: UserDetail } | { error: unknown; request?: GetRequest } | undefined
	> = new Array(items.length);
	const requests: GetRequest[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push(readRequest(param, itemIndex));
		} catch (error) {
			if (!this.continueOnFail())
				throw toNodeError(this, error, itemIndex, `input item ${itemIndex}`, 'user');
			outcomes[itemIndex] = { error };
		}
	}

	if (requests.length > 0) {
		let baseUrl: string | undefined;
		try {
			baseUrl = endpointsFromCredentials(await this.getCredentials(CREDENTIAL_TYPE)).baseUrl;
		} catch (error) {
			if (!this.continueOnFail())
				throw toNodeError(
					this,
					error,
					requests[0]!.itemIndex,
					'the AvePoint Graph API credential',
					'user',
				);
			for (const r of requests) outcomes[r.itemIndex] = { error };
		}
		if (baseUrl !== undefined) {
			const url = baseUrl;
			const scheduler = n8nScheduler(DEFAULT_CONCURRENCY);
			// Without Continue On Fail the first failure ends the execution: the requests still
			// waiting are cancelled rather than sent for nothing.
			const controller = new AbortController();
			const shared = new Map<string, Promise<UserDetail>>();
			const fetchUser = (r: GetRequest): Promise<UserDetail> => {
				const key = `${idKey(r.customerId)}/${idKey(r.tenantId)}/${idKey(r.userId)}`;
				let pending = shared.get(key);
				if (!pending) {
					pending = scheduler.run(
						(s) => sendUserRequest.call(this, r, { baseUrl: url, signal: s }),
						{
							signal: controller.signal,
							priority: r.itemIndex,
							what: `user ${r.userId}`,
						},
					);
					shared.set(key, pending);
				}
				return pending;
			};
			const failures: Array<{ error: unknown; request: GetRequest }> = [];
			const continueOnFail = this.continueOnFail();
			// The scheduler bounds the requests in flight; every item's request waits its turn there.
			await Promise.all(
				requests.map(async (request) => {
					try {
						outcomes[request.itemIndex] = { user: await fetchUser(request) };
					} catch (error) {
						outcomes[request.itemIndex] = { error, request };
						if (!continueOnFail && failures.length === 0) controller.abort();
						failures.push({ error, request });
					}
				}),
			);
			const first = failures[0];
			if (first && !continueOnFail)
				throw toNodeError(this, first.error, first.request.itemIndex, where(first.request), 'user');
		}
	}

	const requestOf = new Map(requests.map((r) => [r.itemIndex, r]));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		const pairedItem = { item: itemIndex };
		if (!outcome) continue;
		if ('error' in outcome) {
			const request = requestOf.get(itemIndex);
			const error = toNodeError(
				this,
				outcome.error,
				itemIndex,
				request ? where(request) : `input item ${itemIndex}`,
				'user',
			);
			output.push({
				json: {
					error: error.message,
					...(error.description ? { description: error.description } : {}),
				},
				pairedItem,
			});
			continue;
		}
		output.push({ json: detailJson(outcome.user, requestOf.get(itemIndex)!.output), pairedItem });
	}
	return output;
}
