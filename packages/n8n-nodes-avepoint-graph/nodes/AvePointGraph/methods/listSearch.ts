// The From List searches of version 2's Customer and Tenant. Both read the customers endpoint,
// which needs the customers permission: without Customers Permission in the credential they say
// what to grant instead of asking (the editor shows a search's error in the dropdown), and By ID
// works as before. A search pages through the customers itself, a few pages per call, so that a
// partner with thousands of customers scrolls rather than waits.
import {
	effectivePageSize,
	idKey,
	GUID_PATTERN,
	MAX_PAGE_SIZE,
	type Customer,
} from '../core/protocol';
import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { ALL_CUSTOMERS, ALL_TENANTS } from '../descriptions/locators';
import { endpointsFromCredentials } from '../credentialSupport/endpoints';
import {
	CUSTOMERS_PERMISSION_FIX,
	saysCustomersPermission,
} from '../credentialSupport/permissions';
import { locatorValue } from '../actions/itemParameters';
import { CREDENTIAL_TYPE } from '../transport/apiRequest';
import { sendCustomersPage, type CustomersPage } from '../transport/customersRequest';
import { toSearchError } from '../transport/nodeErrors';
import { n8nScheduler } from '../transport/scheduler';

/** Matches a call gathers before it hands back a page of results (and a token for the rest). */
export const SEARCH_RESULTS_PER_CALL = 50;

const NO_NAME = '(no name)';

/** Case-insensitive: the name (or another field) holds the filter; no filter matches everything. */
const matches = (filter: string, ...texts: Array<string | null | undefined>): boolean =>
	filter === '' ||
	texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(filter));

const normalizedFilter = (filter: string | undefined): string =>
	(filter ?? '').trim().toLowerCase();

/** Get reads one user: the "all" entries are for Get Users Batch only. */
function offersAll(ctx: ILoadOptionsFunctions): boolean {
	return (ctx.getCurrentNodeParameter('operation') ?? 'getUsersBatch') === 'getUsersBatch';
}

interface SearchContext {
	send: (input: {
		pageIndex: number;
		pageSize: number;
		customerIds?: readonly string[];
	}) => Promise<CustomersPage>;
}

async function searchContext(ctx: ILoadOptionsFunctions): Promise<SearchContext> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	if (!saysCustomersPermission(credentials)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`To pick from a list, the app needs the customers permission. ${CUSTOMERS_PERMISSION_FIX}; or choose By ID`,
			{
				description: CUSTOMERS_PERMISSION_FIX,
			},
		);
	}
	const { baseUrl } = endpointsFromCredentials(credentials);
	// One request at a time: a search is a person waiting on a dropdown, not an export.
	const scheduler = n8nScheduler(1);
	const signal = new AbortController().signal;
	return {
		send: async (input) =>
			await scheduler.run((s) => sendCustomersPage.call(ctx, input, { baseUrl, signal: s }), {
				signal,
				priority: input.pageIndex,
				what: `customers page ${input.pageIndex}`,
			}),
	};
}

/**
 * Names as the dropdown shows them: a name two entries share (case aside) gets what tells them
 * apart, so "Woodgrove Bank" and "WOODGROVE BANK" are not two look-alike lines.
 */
function distinctNames<T>(
	entries: T[],
	name: (e: T) => string,
	detail: (e: T) => string,
): string[] {
	const counts = new Map<string, number>();
	for (const entry of entries)
		counts.set(name(entry).toLowerCase(), (counts.get(name(entry).toLowerCase()) ?? 0) + 1);
	return entries.map((entry) =>
		(counts.get(name(entry).toLowerCase()) ?? 0) > 1
			? `${name(entry)} (${detail(entry)})`
			: name(entry),
	);
}

/** Where the next call goes on: the API's next page, and the page size it serves. */
function parseToken(token: string | undefined): { pageIndex: number; pageSize: number } {
	const match = /^(\d+):(\d+)$/.exec(token ?? '');
	const pageIndex = Number(match?.[1]);
	const pageSize = Number(match?.[2]);
	return match && pageIndex >= 1 && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE
		? { pageIndex, pageSize }
		: { pageIndex: 1, pageSize: MAX_PAGE_SIZE };
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const wanted = normalizedFilter(filter);
	const results: INodeListSearchItems[] = [];
	let { pageIndex, pageSize } = parseToken(paginationToken);
	if (pageIndex === 1 && offersAll(this) && matches(wanted, 'All Customers'))
		results.push({ name: 'All Customers', value: ALL_CUSTOMERS });
	const found: Customer[] = [];
	let more = false;
	try {
		const search = await searchContext(this);
		for (;;) {
			const page = await search.send({ pageIndex, pageSize });
			for (const customer of page.items)
				if (matches(wanted, customer.organization, customer.ownerEmail, customer.id))
					found.push(customer);
			// The service may serve fewer customers a page than asked: later pages ask for what it serves.
			pageSize = effectivePageSize(pageSize, page, pageIndex);
			more = page.items.length > 0 && pageIndex * pageSize < page.totalCount;
			pageIndex++;
			if (!more || found.length >= SEARCH_RESULTS_PER_CALL) break;
		}
	} catch (error) {
		throw toSearchError(this, error);
	}
	const names = distinctNames(
		found,
		(c) => c.organization ?? NO_NAME,
		(c) => c.ownerEmail ?? c.id,
	);
	found.forEach((customer, i) => results.push({ name: names[i]!, value: customer.id }));
	return more ? { results, paginationToken: `${pageIndex}:${pageSize}` } : { results };
}

interface TenantEntry {
	customer: Customer;
	id: string;
	name: string;
}

export async function searchTenants(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wanted = normalizedFilter(filter);
	const raw = locatorValue(this.getCurrentNodeParameter('customerId'));
	const customerId = typeof raw === 'string' ? raw.trim() : '';
	const all = offersAll(this);
	if (customerId === '') {
		throw new NodeOperationError(
			this.getNode(),
			"Choose a Customer first: the list shows that customer's tenants",
		);
	}
	if (customerId.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			'Customer is an expression, known only when the workflow runs: choose the Tenant By ID',
		);
	}
	const everyCustomer = customerId === ALL_CUSTOMERS;
	if (everyCustomer && !all)
		throw new NodeOperationError(
			this.getNode(),
			'Get reads one user: choose one Customer (From List or By ID)',
		);
	if (!everyCustomer && !GUID_PATTERN.test(customerId)) {
		throw new NodeOperationError(
			this.getNode(),
			`Customer is not a GUID (received "${customerId.slice(0, 60)}"): pick it From List, or give its ID from AvePoint Elements`,
		);
	}
	const entries: TenantEntry[] = [];
	try {
		const search = await searchContext(this);
		const customers: Customer[] = [];
		if (everyCustomer) {
			// Every customer's tenants: a partner's tenants are a few hundred at most, read at once.
			let pageSize = MAX_PAGE_SIZE;
			for (let pageIndex = 1; ; pageIndex++) {
				const page = await search.send({ pageIndex, pageSize });
				customers.push(...page.items);
				pageSize = effectivePageSize(pageSize, page, pageIndex);
				if (page.items.length === 0 || pageIndex * pageSize >= page.totalCount) break;
			}
		} else {
			const page = await search.send({ pageIndex: 1, pageSize: 1, customerIds: [customerId] });
			const customer = page.items.find((c) => idKey(c.id) === idKey(customerId));
			if (!customer) {
				throw new NodeOperationError(
					this.getNode(),
					`The app sees no customer with ID ${customerId}: it is unknown, or outside the app's access. Pick the Customer From List, or check its ID`,
				);
			}
			customers.push(customer);
		}
		for (const customer of customers) {
			for (const tenant of customer.tenants) {
				if (
					matches(wanted, tenant.name, tenant.id, everyCustomer ? customer.organization : undefined)
				) {
					entries.push({ customer, id: tenant.id, name: tenant.name ?? NO_NAME });
				}
			}
		}
	} catch (error) {
		throw toSearchError(this, error);
	}
	const results: INodeListSearchItems[] = [];
	if (all && matches(wanted, 'All Tenants'))
		results.push({ name: 'All Tenants', value: ALL_TENANTS });
	// Across customers, tenant names repeat ("Contoso Production" of two customers): each is named
	// with its customer, or with the customer's owner where two customers' names are alike. Within
	// one customer, a repeated name gets the tenant's ID.
	let labelled = entries;
	if (everyCustomer) {
		const customers = [...new Set(entries.map((e) => e.customer))];
		const customerNames = new Map(
			customers.map((c, i) => [
				c,
				distinctNames(
					customers,
					(x) => x.organization ?? NO_NAME,
					(x) => x.ownerEmail ?? x.id,
				)[i]!,
			]),
		);
		const ambiguous = (c: Customer) => customerNames.get(c) !== (c.organization ?? NO_NAME);
		labelled = entries.map((e) => ({
			...e,
			name: `${e.name} (${ambiguous(e.customer) ? (e.customer.ownerEmail ?? e.customer.id) : (e.customer.organization ?? NO_NAME)})`,
		}));
	}
	const names = distinctNames(
		labelled,
		(e) => e.name,
		(e) => e.id,
	);
	labelled.forEach((entry, i) => results.push({ name: names[i]!, value: entry.id }));
	return { results };
}
