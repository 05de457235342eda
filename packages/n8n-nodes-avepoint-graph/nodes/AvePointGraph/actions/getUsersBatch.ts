// Get Users Batch: reads every input item's request, sends the IDs of all items of one tenant
// together (up to 100 per request, not one request per item), reads "all users" once per tenant,
// then hands each item back its own users, paired with it. Paging, retries, dedupe and pacing are
// core's listing engine; this file maps n8n's items onto it.
//
// Version 2's All Tenants (and All Customers) stand for tenants found through the customers
// endpoint: each such item reads each of its tenants like an item naming that tenant would, a
// few tenants at a time, and its users carry the customer and tenant they came from. A tenant
// that fails becomes an error item of its own (Continue On Fail) or fails the node.
import {
	AvePointInputError,
	MAX_CONCURRENCY,
	USER_FIELD_NAMES,
	hasStatus,
	idKey,
	matchRequestedIds,
	parseUserIdList,
	pickUserFields,
	simplifyUser,
	validateGuid,
	validateListingInput,
	validateStatusFilter,
	validateUsersPageInput,
	withStatusLabels,
	type Customer,
	type User,
	type UserStatusCode,
} from '../core/protocol';
import { listPages, lookUpIds, type Scheduler } from '../core/engine';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { ALL_CUSTOMERS, ALL_TENANTS } from '../descriptions/locators';
import { DEFAULT_TENANT_CONCURRENCY } from '../descriptions/UserDescription';
import { endpointsFromCredentials } from '../credentialSupport/endpoints';
import {
	CUSTOMERS_PERMISSION_FIX,
	saysCustomersPermission,
} from '../credentialSupport/permissions';
import { CREDENTIAL_TYPE } from '../transport/apiRequest';
import { toNodeError } from '../transport/nodeErrors';
import { n8nScheduler } from '../transport/scheduler';
import { sendUsersBatchPage } from '../transport/usersBatchRequest';
import { readCustomers } from './customerTenants';
import { itemParameters, locatorValue, readOutput, type Output } from './itemParameters';

interface ItemRequest {
	itemIndex: number;
	/** A GUID, or ALL_CUSTOMERS (version 2). */
	customerId: string;
	/** A GUID, or ALL_TENANTS (version 2). */
	tenantId: string;
	/** Empty: every user of the tenant. */
	userIds: string[];
	/** Undefined: no limit (Return All, or users asked for by ID). */
	limit: number | undefined;
	output: Output;
	includeNotFound: boolean;
	pageSize: number;
	concurrency: number;
	/** Only users with any of these statuses; undefined: every user. */
	statuses: UserStatusCode[] | undefined;
	tenantConcurrency: number;
}

/** One tenant an item reads: the one it names, or one of those All Tenants stands for. */
interface TenantRead {
	request: ItemRequest;
	customerId: string;
	tenantId: string;
	/** Set for the tenants All Tenants or All Customers found: their users say where they are. */
	found?: { customerName: string | null; tenantName: string | null };
}

type ItemParameter = ReturnType<typeof itemParameters>;

/** Version 1's Simplify, or version 2's Output choice. */
function readItemOutput(param: ItemParameter, itemIndex: number, version: number): Output {
	if (version < 2)
		return { mode: param('simplify', itemIndex, true) === false ? 'raw' : 'simplified' };
	return readOutput(param, itemIndex, USER_FIELD_NAMES);
}

type ReadOutcome = { users: User[]; notFound: string[] } | { error: unknown };

/** Version 2 also takes the "all" entries of the lists; version 1 takes GUIDs only, as it always did. */
function readScope(
	value: unknown,
	field: 'customerId' | 'tenantId',
	all: string,
	version: number,
): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (version >= 2 && text === all) return all;
	return validateGuid(field, text);
}

function readTenantConcurrency(value: unknown): number {
	if (value === undefined || value === null) return DEFAULT_TENANT_CONCURRENCY;
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < 1 ||
		value > MAX_CONCURRENCY
	) {
		throw new AvePointInputError(
			'tenantConcurrency',
			`must be an integer from 1 to ${MAX_CONCURRENCY}`,
			JSON.stringify(value),
		);
	}
	return value;
}

function readItemRequest(param: ItemParameter, itemIndex: number, version: number): ItemRequest {
	const userIds = parseUserIdList(param('userIds', itemIndex, ''), 'userIds').map((id, n) =>
		validateGuid(`userIds[${n}]`, id),
	);
	const options = param('options', itemIndex, {}) as IDataObject;
	const returnAll = param('returnAll', itemIndex, false) as boolean;
	const customerId = readScope(
		locatorValue(param('customerId', itemIndex)),
		'customerId',
		ALL_CUSTOMERS,
		version,
	);
	const tenantId = readScope(
		locatorValue(param('tenantId', itemIndex)),
		'tenantId',
		ALL_TENANTS,
		version,
	);
	// The protocol checks the page size and the limit, and names the field that is wrong.
	const valid = validateListingInput({
		pageSize: options.pageSize as number | undefined,
		concurrency: options.concurrency as number | undefined,
		limit: userIds.length > 0 || returnAll ? undefined : (param('limit', itemIndex, 50) as number),
	});
	return {
		itemIndex,
		customerId,
		tenantId,
		userIds,
		limit: valid.limit,
		pageSize: valid.pageSize,
		concurrency: valid.concurrency,
		output: readItemOutput(param, itemIndex, version),
		includeNotFound: options.includeNotFound === true,
		statuses: version >= 2 ? validateStatusFilter(options.status, 'status') : undefined,
		tenantConcurrency: version >= 2 ? readTenantConcurrency(options.tenantConcurrency) : 1,
	};
}

const named = (id: string, name: string | null | undefined): string =>
	name ? `${id} (${name})` : id;

/** Where a failure happened, for the error's description. */
const where = (r: TenantRead): string =>
	`customer ${named(r.customerId, r.found?.customerName)}, tenant ${named(r.tenantId, r.found?.tenantName)}`;

const tenantKey = (r: TenantRead): string => `${idKey(r.customerId)}/${idKey(r.tenantId)}`;

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

const wantsStatus = (request: ItemRequest, user: User): boolean =>
	request.statuses === undefined || hasStatus(user, request.statuses);

interface TenantReader {
	baseUrl: string;
	scheduler: Scheduler;
	concurrency: number;
}

/** Reads that name user IDs: one lookup per tenant, shared by all its reads. */
async function readByIds(
	this: IExecuteFunctions,
	reader: TenantReader,
	reads: TenantRead[],
	outcomes: Map<TenantRead, ReadOutcome>,
): Promise<void> {
	const first = reads[0]!;
	const chunkSize = Math.min(...reads.map((r) => r.request.pageSize));
	const failed = new Map<string, unknown>();
	const users = await lookUpIds<User>({
		ids: reads.flatMap((r) => r.request.userIds),
		getPage: async (ids, page) =>
			await sendUsersBatchPage
				.call(
					this,
					validateUsersPageInput({
						customerId: first.customerId,
						tenantId: first.tenantId,
						userIds: ids,
						pageIndex: page.pageIndex,
						pageSize: page.pageSize,
					}),
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
		throw toNodeError(this, error, first.request.itemIndex, where(first));
	});
	for (const read of reads) {
		const error = read.request.userIds
			.map((id) => failed.get(idKey(id)))
			.find((e) => e !== undefined);
		if (error !== undefined) {
			outcomes.set(read, { error });
			continue;
		}
		const matched = matchRequestedIds(read.request.userIds, users);
		outcomes.set(read, {
			users: matched.users.filter((u) => wantsStatus(read.request, u)),
			notFound: matched.notFound,
		});
	}
}

/**
 * Reads that want every user of a tenant: read once, as far as the largest limit needs. With a
 * Status filter a limit counts the users that pass it, so the reading goes on until each read
 * has that many (or the tenant ends).
 */
async function readAll(
	this: IExecuteFunctions,
	reader: TenantReader,
	reads: TenantRead[],
	outcomes: Map<TenantRead, ReadOutcome>,
): Promise<void> {
	const first = reads[0]!;
	const filtered = reads.some((r) => r.request.statuses !== undefined);
	const limits = reads.map((r) => r.request.limit);
	const limit =
		filtered || limits.includes(undefined) ? undefined : Math.max(...(limits as number[]));
	try {
		// A limit below the page size needs one short page, not a full one.
		const pageSize = Math.min(Math.max(...reads.map((r) => r.request.pageSize)), limit ?? Infinity);
		const users: User[] = [];
		const passed = reads.map(() => 0);
		const enough = () =>
			reads.every((r, i) => r.request.limit !== undefined && passed[i]! >= r.request.limit);
		const pages = listPages<User>({
			getPage: async (page) =>
				await sendUsersBatchPage
					.call(
						this,
						validateUsersPageInput({
							customerId: first.customerId,
							tenantId: first.tenantId,
							pageIndex: page.pageIndex,
							pageSize: page.pageSize,
						}),
						{
							baseUrl: reader.baseUrl,
							signal: page.signal,
						},
					)
					.then((p) => ({ items: p.users, totalCount: p.totalCount })),
			keyOf: userKey,
			scheduler: reader.scheduler,
			pageSize,
			concurrency: reader.concurrency,
			limit,
			noun: 'users',
		});
		for await (const page of pages) {
			users.push(...page.items);
			if (!filtered) continue;
			reads.forEach((r, i) => {
				for (const user of page.items) if (wantsStatus(r.request, user)) passed[i]!++;
			});
			// Leaving the loop cancels the pages the listing had opened ahead.
			if (enough()) break;
		}
		for (const read of reads) {
			const own = filtered ? users.filter((u) => wantsStatus(read.request, u)) : users;
			outcomes.set(read, {
				users: read.request.limit === undefined ? own : own.slice(0, read.request.limit),
				notFound: [],
			});
		}
	} catch (error) {
		if (!this.continueOnFail())
			throw toNodeError(this, error, first.request.itemIndex, where(first));
		for (const read of reads) outcomes.set(read, { error });
	}
}

/** The API's base URL and what the credential says of the app; when it cannot be read, every item fails alike. */
async function readCredential(
	this: IExecuteFunctions,
	requests: ItemRequest[],
	failures: Map<number, unknown>,
): Promise<{ baseUrl: string; customersPermission: boolean } | undefined> {
	try {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		return {
			baseUrl: endpointsFromCredentials(credentials).baseUrl,
			customersPermission: saysCustomersPermission(credentials),
		};
	} catch (error) {
		if (!this.continueOnFail())
			throw toNodeError(this, error, requests[0]!.itemIndex, 'the AvePoint Graph API credential');
		for (const r of requests) failures.set(r.itemIndex, error);
		return undefined;
	}
}

const needsCustomers = (r: ItemRequest): boolean =>
	r.customerId === ALL_CUSTOMERS || r.tenantId === ALL_TENANTS;

/** The tenants an item with All Tenants or All Customers reads, in the order Elements lists them. */
function tenantsOf(request: ItemRequest, customers: readonly Customer[]): TenantRead[] {
	const everyCustomer = request.customerId === ALL_CUSTOMERS;
	const reads: TenantRead[] = [];
	let customerSeen = everyCustomer;
	for (const customer of customers) {
		if (!everyCustomer && idKey(customer.id) !== idKey(request.customerId)) continue;
		customerSeen = true;
		for (const tenant of customer.tenants) {
			if (request.tenantId !== ALL_TENANTS && idKey(tenant.id) !== idKey(request.tenantId))
				continue;
			reads.push({
				request,
				customerId: customer.id,
				tenantId: tenant.id,
				found: { customerName: customer.organization, tenantName: tenant.name },
			});
		}
	}
	if (!customerSeen) {
		throw new AvePointInputError(
			'customerId',
			"names no customer the app may see (it is unknown, or outside the app's access)",
			JSON.stringify(request.customerId),
		);
	}
	if (reads.length === 0 && request.tenantId !== ALL_TENANTS) {
		throw new AvePointInputError(
			'tenantId',
			'belongs to no customer the app may see',
			JSON.stringify(request.tenantId),
		);
	}
	return reads;
}

/**
 * Turns every request into the tenants it reads. Those naming one customer and one tenant read
 * that tenant and nothing is asked; the others need the customers: all of them, read once, when
 * an item says All Customers, else only the customers the items name.
 */
async function planReads(
	this: IExecuteFunctions,
	reader: TenantReader,
	requests: ItemRequest[],
	customersPermission: boolean,
	failures: Map<number, unknown>,
): Promise<TenantRead[]> {
	const wide = requests.filter(needsCustomers);
	let customers: Customer[] = [];
	if (wide.length > 0 && !customersPermission) {
		for (const r of wide) {
			const error = new NodeOperationError(
				this.getNode(),
				`All Customers and All Tenants need the customers permission [item ${r.itemIndex}]`,
				{
					itemIndex: r.itemIndex,
					description: `${CUSTOMERS_PERMISSION_FIX}; or choose Customer and Tenant By ID`,
				},
			);
			if (!this.continueOnFail()) throw error;
			failures.set(r.itemIndex, error);
		}
	} else if (wide.length > 0) {
		const which = wide.some((r) => r.customerId === ALL_CUSTOMERS)
			? 'all'
			: wide.map((r) => r.customerId);
		try {
			customers = await readCustomers.call(this, reader, which);
		} catch (error) {
			if (!this.continueOnFail())
				throw toNodeError(
					this,
					error,
					wide[0]!.itemIndex,
					'the customers the app may see',
					'customers',
				);
			for (const r of wide) failures.set(r.itemIndex, error);
		}
	}
	const reads: TenantRead[] = [];
	for (const request of requests) {
		if (failures.has(request.itemIndex)) continue;
		if (!needsCustomers(request)) {
			reads.push({ request, customerId: request.customerId, tenantId: request.tenantId });
			continue;
		}
		try {
			reads.push(...tenantsOf(request, customers));
		} catch (error) {
			if (!this.continueOnFail())
				throw toNodeError(this, error, request.itemIndex, `input item ${request.itemIndex}`);
			failures.set(request.itemIndex, error);
		}
	}
	return reads;
}

/**
 * Whether an item has all the users it wants: a limit met by the tenants it has read so far, in
 * its own order (so that the users it gets are the first ones, whichever tenant finished first).
 */
function satisfied(
	request: ItemRequest,
	readsOf: Map<ItemRequest, TenantRead[]>,
	outcomes: Map<TenantRead, ReadOutcome>,
): boolean {
	if (request.limit === undefined) return false;
	let users = 0;
	for (const read of readsOf.get(request) ?? []) {
		const outcome = outcomes.get(read);
		if (!outcome) return false;
		if ('users' in outcome) users += outcome.users.length;
		if (users >= request.limit) return true;
	}
	return false;
}

/** Runs `run` on the values, at most `limit` at a time, in order; the first failure stops the rest. */
async function eachBounded<T>(
	values: readonly T[],
	limit: number,
	run: (value: T) => Promise<void>,
): Promise<void> {
	let next = 0;
	const failures: unknown[] = [];
	const worker = async () => {
		while (failures.length === 0 && next < values.length) {
			const value = values[next++]!;
			try {
				await run(value);
			} catch (error) {
				failures.push(error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
	if (failures.length > 0) throw failures[0];
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
	if (output.mode === 'raw')
		for (const field of USER_FIELD_NAMES) if (field !== 'id') blank[field] = null;
	return {
		...blank,
		notFound: true,
		message: 'The tenant has no user with this ID',
	} as IDataObject;
}

/** Where a user of All Tenants or All Customers came from; null on rows that come from no tenant. */
function placeOf(read: TenantRead | undefined): IDataObject {
	return {
		customerId: read?.customerId ?? null,
		customerName: read?.found?.customerName ?? null,
		tenantId: read?.tenantId ?? null,
		tenantName: read?.found?.tenantName ?? null,
	};
}

function errorJson(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	whereText: string,
): IDataObject {
	const nodeError = toNodeError(ctx, error, itemIndex, whereText);
	return {
		error: nodeError.message,
		...(nodeError.description ? { description: nodeError.description } : {}),
	};
}

export async function getUsersBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const param = itemParameters(this);
	const failures = new Map<number, unknown>();
	const requests: ItemRequest[] = [];
	const version = this.getNode().typeVersion;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push(readItemRequest(param, itemIndex, version));
		} catch (error) {
			if (!this.continueOnFail())
				throw toNodeError(this, error, itemIndex, `input item ${itemIndex}`);
			failures.set(itemIndex, error);
		}
	}

	const outcomes = new Map<TenantRead, ReadOutcome>();
	const readsOf = new Map<ItemRequest, TenantRead[]>();
	const credential =
		requests.length > 0 ? await readCredential.call(this, requests, failures) : undefined;
	if (credential !== undefined) {
		// One scheduler for the whole execution: the tenant's rate limit is shared by all its items.
		const concurrency = Math.max(1, ...requests.map((r) => r.concurrency));
		const reader: TenantReader = {
			baseUrl: credential.baseUrl,
			concurrency,
			scheduler: n8nScheduler(concurrency),
		};
		const reads = await planReads.call(
			this,
			reader,
			requests,
			credential.customersPermission,
			failures,
		);
		for (const read of reads)
			readsOf.set(read.request, [...(readsOf.get(read.request) ?? []), read]);
		const tenantsAtOnce = Math.max(1, ...requests.map((r) => r.tenantConcurrency));
		await eachBounded([...groupBy(reads, tenantKey).values()], tenantsAtOnce, async (group) => {
			// An item whose limit the tenants before this one met reads no further.
			const open = group.filter((r) => !satisfied(r.request, readsOf, outcomes));
			const byIds = open.filter((r) => r.request.userIds.length > 0);
			const all = open.filter((r) => r.request.userIds.length === 0);
			if (byIds.length > 0) await readByIds.call(this, reader, byIds, outcomes);
			if (all.length > 0) await readAll.call(this, reader, all, outcomes);
		});
	}

	const requestOf = new Map(requests.map((r) => [r.itemIndex, r]));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const request = requestOf.get(itemIndex);
		const pairedItem = { item: itemIndex };
		if (failures.has(itemIndex) || !request) {
			if (failures.has(itemIndex))
				output.push({
					json: errorJson(this, failures.get(itemIndex), itemIndex, `input item ${itemIndex}`),
					pairedItem,
				});
			continue;
		}
		const reads = readsOf.get(request) ?? [];
		const wide = needsCustomers(request);
		const marked = request.includeNotFound;
		let room = request.limit ?? Number.POSITIVE_INFINITY;
		const found = new Set<string>();
		const notFound: string[] = [];
		for (const read of reads) {
			const outcome = outcomes.get(read);
			// Not read: the tenants before it met the item's limit.
			if (!outcome) continue;
			if ('error' in outcome) {
				output.push({
					json: {
						...errorJson(this, outcome.error, itemIndex, where(read)),
						...(wide ? placeOf(read) : {}),
					},
					pairedItem,
				});
				continue;
			}
			for (const user of outcome.users) {
				if (room-- <= 0) break;
				found.add(idKey(user.id));
				const json = userJson(user, request.output);
				output.push({
					json: { ...json, ...(marked ? { notFound: false } : {}), ...(wide ? placeOf(read) : {}) },
					pairedItem,
				});
			}
			for (const id of outcome.notFound)
				if (!notFound.some((n) => idKey(n) === idKey(id))) notFound.push(id);
		}
		if (!marked) continue;
		// Across tenants an ID is not found when no tenant has it.
		for (const id of notFound) {
			if (found.has(idKey(id))) continue;
			output.push({
				json: { ...notFoundJson(id, request.output), ...(wide ? placeOf(undefined) : {}) },
				pairedItem,
			});
		}
	}
	return output;
}
