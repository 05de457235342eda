// Get Users Batch: reads every input item's request, sends the IDs of all items of one tenant
// together (up to 100 per request, not one request per item), reads "all users" once per tenant,
// then hands each item back its own users, paired with it.
import {
	matchRequestedIds,
	parseUserIdList,
	planIdChunks,
	planFollowingPages,
	simplifyUser,
	validateGuid,
	validateListUsersInput,
	validateUsersPageInput,
	withStatusLabels,
	idKey,
	type User,
} from '../core/protocol';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { endpointsFromCredentials } from '../shared/endpoints';
import { toNodeError } from '../transport/nodeErrors';
import { itemParameters } from './itemParameters';
import { CREDENTIAL_TYPE, sendUsersBatchPage } from '../transport/usersBatchRequest';

interface ItemRequest {
	itemIndex: number;
	customerId: string;
	tenantId: string;
	/** Empty: every user of the tenant. */
	userIds: string[];
	/** Undefined: no limit (Return All, or users asked for by ID). */
	limit: number | undefined;
	simplify: boolean;
	includeNotFound: boolean;
	pageSize: number;
}

type ItemParameter = ReturnType<typeof itemParameters>;

type ItemOutcome = { users: User[]; notFound: string[] } | { error: unknown };

function readItemRequest(param: ItemParameter, itemIndex: number): ItemRequest {
	const userIds = parseUserIdList(param('userIds', itemIndex, ''), 'userIds').map((id, n) =>
		validateGuid(`userIds[${n}]`, id),
	);
	const options = param('options', itemIndex, {}) as IDataObject;
	const returnAll = param('returnAll', itemIndex, false) as boolean;
	// The protocol checks the GUIDs, the page size and the limit, and names the field that is wrong.
	const valid = validateListUsersInput({
		customerId: param('customerId', itemIndex) as string,
		tenantId: param('tenantId', itemIndex) as string,
		pageSize: options.pageSize as number | undefined,
		limit: userIds.length > 0 || returnAll ? undefined : (param('limit', itemIndex, 50) as number),
	});
	return {
		itemIndex,
		customerId: valid.customerId,
		tenantId: valid.tenantId,
		userIds,
		limit: valid.limit,
		pageSize: valid.pageSize,
		simplify: param('simplify', itemIndex, true) as boolean,
		includeNotFound: options.includeNotFound === true,
	};
}

/** Where a failure happened, for the error's description. */
const where = (r: ItemRequest): string => `customer ${r.customerId}, tenant ${r.tenantId}`;

const tenantKey = (r: ItemRequest): string => `${idKey(r.customerId)}/${idKey(r.tenantId)}`;

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const value of values) {
		const group = groups.get(key(value));
		if (group) group.push(value);
		else groups.set(key(value), [value]);
	}
	return groups;
}

/** Every page of one request body, until `limit` users are in (or all of them). */
async function readPages(
	this: IExecuteFunctions,
	baseUrl: string,
	first: ItemRequest,
	userIds: string[] | undefined,
	pageSize: number,
	limit: number | undefined,
): Promise<User[]> {
	const page = async (pageIndex: number, size: number) =>
		await sendUsersBatchPage.call(
			this,
			validateUsersPageInput({ customerId: first.customerId, tenantId: first.tenantId, userIds, pageIndex, pageSize: size }),
			{ baseUrl },
		);
	const firstPage = await page(1, pageSize);
	const users = [...firstPage.users];
	const following = planFollowingPages(firstPage, { pageSize, limit });
	for (const pageIndex of following.pages) {
		const next = await page(pageIndex, following.pageSize);
		users.push(...next.users);
		if (next.users.length === 0) break;
	}
	return limit === undefined ? users : users.slice(0, limit);
}

/** Items that name user IDs: one set of chunked requests per tenant, shared by all its items. */
async function readByIds(
	this: IExecuteFunctions,
	baseUrl: string,
	items: ItemRequest[],
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	const first = items[0]!;
	const chunkSize = Math.min(...items.map((r) => r.pageSize));
	const { chunks } = planIdChunks(
		items.flatMap((r) => r.userIds),
		chunkSize,
	);
	const chunkOf = new Map(chunks.flatMap((chunk, n) => chunk.map((id) => [idKey(id), n] as const)));
	const answers: Array<{ users: User[] } | { error: unknown }> = [];
	for (const chunk of chunks) {
		try {
			answers.push({ users: await readPages.call(this, baseUrl, first, chunk, chunkSize, undefined) });
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this, error, firstItemAsking(items, chunk), where(first));
			answers.push({ error });
		}
	}
	for (const item of items) {
		// Only the answers to the item's own chunks: matching stays linear in the number of items.
		const mine = [...new Set(item.userIds.map((id) => chunkOf.get(idKey(id))!))].map((n) => answers[n]!);
		const failed = mine.find((answer) => 'error' in answer);
		const users = mine.flatMap((answer) => ('users' in answer ? answer.users : []));
		outcomes.set(item.itemIndex, failed ?? matchRequestedIds(item.userIds, users));
	}
}

/** The first item that asked for an ID of the chunk: where a failure is reported. */
function firstItemAsking(items: ItemRequest[], chunk: string[]): number {
	const keys = new Set(chunk.map(idKey));
	return (items.find((r) => r.userIds.some((id) => keys.has(idKey(id)))) ?? items[0]!).itemIndex;
}

/** Items that want every user of a tenant: read once, as far as the largest limit needs. */
async function readAll(
	this: IExecuteFunctions,
	baseUrl: string,
	items: ItemRequest[],
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	const limits = items.map((r) => r.limit);
	const limit = limits.includes(undefined) ? undefined : Math.max(...(limits as number[]));
	try {
		// A limit below the page size needs one short page, not a full one.
		const pageSize = Math.min(Math.max(...items.map((r) => r.pageSize)), limit ?? Infinity);
		const users = await readPages.call(this, baseUrl, items[0]!, undefined, pageSize, limit);
		for (const item of items) {
			outcomes.set(item.itemIndex, { users: item.limit === undefined ? users : users.slice(0, item.limit), notFound: [] });
		}
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this, error, items[0]!.itemIndex, where(items[0]!));
		for (const item of items) outcomes.set(item.itemIndex, { error });
	}
}

/** The API's base URL from the credential; when it cannot be read, every item fails alike. */
async function readBaseUrl(
	this: IExecuteFunctions,
	requests: ItemRequest[],
	outcomes: Map<number, ItemOutcome>,
): Promise<string | undefined> {
	try {
		return endpointsFromCredentials(await this.getCredentials(CREDENTIAL_TYPE)).baseUrl;
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this, error, requests[0]!.itemIndex, 'the AvePoint Graph API credential');
		for (const r of requests) outcomes.set(r.itemIndex, { error });
		return undefined;
	}
}

function userJson(user: User, simplify: boolean): IDataObject {
	if (simplify) return simplifyUser(user) as unknown as IDataObject;
	return withStatusLabels(user) as unknown as IDataObject;
}

export async function getUsersBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const param = itemParameters(this);
	const outcomes = new Map<number, ItemOutcome>();
	const requests: ItemRequest[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push(readItemRequest(param, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this, error, itemIndex, `input item ${itemIndex}`);
			outcomes.set(itemIndex, { error });
		}
	}

	const baseUrl = requests.length > 0 ? await readBaseUrl.call(this, requests, outcomes) : undefined;
	if (baseUrl !== undefined) {
		for (const group of groupBy(requests.filter((r) => r.userIds.length > 0), tenantKey).values()) {
			await readByIds.call(this, baseUrl, group, outcomes);
		}
		for (const group of groupBy(requests.filter((r) => r.userIds.length === 0), tenantKey).values()) {
			await readAll.call(this, baseUrl, group, outcomes);
		}
	}

	const requestOf = new Map(requests.map((r) => [r.itemIndex, r]));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = outcomes.get(itemIndex);
		const request = requestOf.get(itemIndex);
		const pairedItem = { item: itemIndex };
		if (!outcome) continue;
		if ('error' in outcome) {
			const error = toNodeError(this, outcome.error, itemIndex, request ? where(request) : `input item ${itemIndex}`);
			output.push({ json: { error: error.message, ...(error.description ? { description: error.description } : {}) }, pairedItem });
			continue;
		}
		for (const user of outcome.users) output.push({ json: userJson(user, request?.simplify ?? true), pairedItem });
		if (request?.includeNotFound) {
			for (const id of outcome.notFound) {
				output.push({ json: { id, notFound: true, message: 'The tenant has no user with this ID' }, pairedItem });
			}
		}
	}
	return output;
}
