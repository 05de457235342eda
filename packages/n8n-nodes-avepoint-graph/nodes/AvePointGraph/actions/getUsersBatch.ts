// Get Users Batch: reads every input item's request, sends the IDs of all items of one tenant
// together (up to 100 per request, not one request per item), reads "all users" once per tenant,
// then hands each item back its own users, paired with it. Paging, retries, dedupe and pacing are
// core's listing engine; this file maps n8n's items onto it.
import {
	DEFAULT_RETRY_POLICY,
	idKey,
	AvePointInputError,
	USER_FIELD_NAMES,
	matchRequestedIds,
	parseUserIdList,
	pickUserFields,
	simplifyUser,
	validateGuid,
	validateListUsersInput,
	validateUsersPageInput,
	withStatusLabels,
	type User,
} from '../core/protocol';
import { abortable, createScheduler, listPages, lookUpIds, type EngineClock, type Scheduler } from '../core/engine';
import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

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
	output: Output;
	includeNotFound: boolean;
	pageSize: number;
	concurrency: number;
}

type ItemParameter = ReturnType<typeof itemParameters>;

/** How much of each user an item gets: version 1's Simplify, or version 2's Output choice. */
type Output = { mode: 'simplified' } | { mode: 'raw' } | { mode: 'fields'; fields: string[] };

function readOutput(param: ItemParameter, itemIndex: number, version: number): Output {
	if (version < 2) return { mode: param('simplify', itemIndex, true) === false ? 'raw' : 'simplified' };
	const mode = param('output', itemIndex, 'simplified');
	if (mode === 'raw' || mode === 'simplified') return { mode };
	if (mode !== 'fields') throw new AvePointInputError('output', 'must be Simplified, Raw or Selected Fields', JSON.stringify(mode));
	const fields = param('fields', itemIndex, []);
	if (!Array.isArray(fields) || fields.some((f) => !(USER_FIELD_NAMES as readonly unknown[]).includes(f))) {
		throw new AvePointInputError('fields', `must name fields among ${USER_FIELD_NAMES.join(', ')}`);
	}
	return { mode, fields: fields as string[] };
}

type ItemOutcome = { users: User[]; notFound: string[] } | { error: unknown };

/** n8n's sleep (timers are not allowed in a verified node), made to end early on an abort. */
const N8N_CLOCK: EngineClock = {
	sleep: (ms, signal) => abortable(sleep(ms), signal),
	now: () => Date.now(),
	random: () => Math.random(),
};

function readItemRequest(param: ItemParameter, itemIndex: number, version: number): ItemRequest {
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
		concurrency: options.concurrency as number | undefined,
		limit: userIds.length > 0 || returnAll ? undefined : (param('limit', itemIndex, 50) as number),
	});
	return {
		itemIndex,
		customerId: valid.customerId,
		tenantId: valid.tenantId,
		userIds,
		limit: valid.limit,
		pageSize: valid.pageSize,
		concurrency: valid.concurrency,
		output: readOutput(param, itemIndex, version),
		includeNotFound: options.includeNotFound === true,
	};
}

/** Where a failure happened, for the error's description. */
const where = (r: ItemRequest): string => `customer ${r.customerId}, tenant ${r.tenantId}`;

const tenantKey = (r: ItemRequest): string => `${idKey(r.customerId)}/${idKey(r.tenantId)}`;

const userKey = (user: User): string => idKey(user.id);

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const value of values) {
		const group = groups.get(key(value));
		if (group) group.push(value);
		else groups.set(key(value), [value]);
	}
	return groups;
}

interface TenantReader {
	baseUrl: string;
	scheduler: Scheduler;
	concurrency: number;
}

/** Items that name user IDs: one lookup per tenant, shared by all its items. */
async function readByIds(
	this: IExecuteFunctions,
	reader: TenantReader,
	items: ItemRequest[],
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	const first = items[0]!;
	const chunkSize = Math.min(...items.map((r) => r.pageSize));
	const failed = new Map<string, unknown>();
	const users = await lookUpIds<User>({
		ids: items.flatMap((r) => r.userIds),
		getPage: async (ids, page) =>
			await sendUsersBatchPage
				.call(
					this,
					validateUsersPageInput({ customerId: first.customerId, tenantId: first.tenantId, userIds: ids, pageIndex: page.pageIndex, pageSize: page.pageSize }),
					{ baseUrl: reader.baseUrl, signal: page.signal },
				)
				.then((p) => ({ items: p.users, totalCount: p.totalCount })),
		keyOf: userKey,
		scheduler: reader.scheduler,
		concurrency: reader.concurrency,
		chunkSize,
		noun: 'users',
		// With Continue On Fail, a failed chunk fails only the items that asked for its IDs.
		onChunkError: this.continueOnFail()
			? (ids, error) => {
					for (const id of ids) failed.set(idKey(id), error);
				}
			: undefined,
	}).catch((error: unknown) => {
		throw toNodeError(this, error, first.itemIndex, where(first));
	});
	for (const item of items) {
		const error = item.userIds.map((id) => failed.get(idKey(id))).find((e) => e !== undefined);
		outcomes.set(item.itemIndex, error !== undefined ? { error } : matchRequestedIds(item.userIds, users));
	}
}

/** Items that want every user of a tenant: read once, as far as the largest limit needs. */
async function readAll(
	this: IExecuteFunctions,
	reader: TenantReader,
	items: ItemRequest[],
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	const first = items[0]!;
	const limits = items.map((r) => r.limit);
	const limit = limits.includes(undefined) ? undefined : Math.max(...(limits as number[]));
	try {
		// A limit below the page size needs one short page, not a full one.
		const pageSize = Math.min(Math.max(...items.map((r) => r.pageSize)), limit ?? Infinity);
		const users: User[] = [];
		const pages = listPages<User>({
			getPage: async (page) =>
				await sendUsersBatchPage
					.call(this, validateUsersPageInput({ customerId: first.customerId, tenantId: first.tenantId, pageIndex: page.pageIndex, pageSize: page.pageSize }), {
						baseUrl: reader.baseUrl,
						signal: page.signal,
					})
					.then((p) => ({ items: p.users, totalCount: p.totalCount })),
			keyOf: userKey,
			scheduler: reader.scheduler,
			pageSize,
			concurrency: reader.concurrency,
			limit,
			noun: 'users',
		});
		for await (const page of pages) users.push(...page.items);
		for (const item of items) {
			outcomes.set(item.itemIndex, { users: item.limit === undefined ? users : users.slice(0, item.limit), notFound: [] });
		}
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this, error, first.itemIndex, where(first));
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

function userJson(user: User, output: Output): IDataObject {
	if (output.mode === 'simplified') return simplifyUser(user) as unknown as IDataObject;
	if (output.mode === 'fields') return pickUserFields(user, output.fields) as IDataObject;
	return withStatusLabels(user) as unknown as IDataObject;
}

/**
 * An asked ID the tenant does not have, with the same fields as the users found (empty), so a
 * table of the output shows one shape of row, not a column of "undefined".
 */
function notFoundJson(id: string, output: Output): IDataObject {
	const blank: Record<string, unknown> = { ...userJson({ id, status: [] }, output) };
	for (const key of Object.keys(blank)) if (key !== 'id') blank[key] = null;
	if (output.mode === 'raw') for (const field of USER_FIELD_NAMES) if (field !== 'id') blank[field] = null;
	return { ...blank, notFound: true, message: 'The tenant has no user with this ID' } as IDataObject;
}

export async function getUsersBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const param = itemParameters(this);
	const outcomes = new Map<number, ItemOutcome>();
	const requests: ItemRequest[] = [];
	const version = this.getNode().typeVersion;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push(readItemRequest(param, itemIndex, version));
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this, error, itemIndex, `input item ${itemIndex}`);
			outcomes.set(itemIndex, { error });
		}
	}

	const baseUrl = requests.length > 0 ? await readBaseUrl.call(this, requests, outcomes) : undefined;
	if (baseUrl !== undefined) {
		// One scheduler for the whole execution: the tenant's rate limit is shared by all its items.
		const concurrency = Math.max(...requests.map((r) => r.concurrency));
		const reader: TenantReader = { baseUrl, concurrency, scheduler: createScheduler({ ...N8N_CLOCK, concurrency, policy: DEFAULT_RETRY_POLICY }) };
		for (const group of groupBy(requests.filter((r) => r.userIds.length > 0), tenantKey).values()) {
			await readByIds.call(this, reader, group, outcomes);
		}
		for (const group of groupBy(requests.filter((r) => r.userIds.length === 0), tenantKey).values()) {
			await readAll.call(this, reader, group, outcomes);
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
		const shape: Output = request?.output ?? { mode: 'simplified' };
		const marked = request?.includeNotFound === true;
		for (const user of outcome.users) {
			const json = userJson(user, shape);
			output.push({ json: marked ? { ...json, notFound: false } : json, pairedItem });
		}
		if (marked) for (const id of outcome.notFound) output.push({ json: notFoundJson(id, shape), pairedItem });
	}
	return output;
}
