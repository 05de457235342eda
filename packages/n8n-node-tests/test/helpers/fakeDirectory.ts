// An in-memory stand-in for the partner's directory: the customers batch endpoint (customers with
// their tenants), the users batch endpoint of each tenant and the one-user endpoint. Like
// fakeTenant.ts it reads what the node sends (path, query, body), and it fails the way n8n's
// helper fails (a NodeApiError wrapping the HTTP answer).
import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { NODE } from './fakeContext';
import { answer, httpError, makeUsers, parseRequest, type WireUser } from './fakeTenant';

export interface WireTenant {
	id: string;
	name: string | null;
}

export interface WireCustomer {
	id: string;
	organization: string | null;
	ownerEmail: string | null;
	countryOrRegion: string | null;
	jobStatus: number | null;
	managementMode: number | null;
	tenants: WireTenant[];
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
export const customerGuid = (c: number): string => `c0000000-0000-4000-8000-${hex(c, 12)}`;
export const tenantGuid = (c: number, t: number): string => `70000000-0000-4000-8${hex(c, 3)}-${hex(t, 12)}`;

/** A user of tenant (c, t): IDs differ per tenant, so a user is found in one tenant only. */
export const tenantUserId = (c: number, t: number, n: number): string => `${hex(c, 4)}${hex(t, 4)}-0000-4000-8000-${hex(n, 12)}`;

export interface Directory {
	customers: WireCustomer[];
	users: Map<string, WireUser[]>;
}

/**
 * The seeded layout of the sandbox in small: repeated tenant names across customers, two customer
 * names equal but for case, a customer without tenants.
 */
export function makeDirectory(): Directory {
	const layout: Array<{ organization: string; owner: string; tenants: Array<[string, number]> }> = [
		{
			organization: 'Contoso',
			owner: 'admin@contoso.example',
			tenants: [
				['Contoso Production', 7],
				['Contoso Lab', 4],
				['Contoso Staging', 2],
			],
		},
		{
			organization: 'Contoso Pharmaceuticals',
			owner: 'admin@contosopharma.example',
			tenants: [
				['Contoso Production', 3],
				['Research', 5],
			],
		},
		{
			organization: 'Woodgrove Bank',
			owner: 'admin@woodgrove.example',
			tenants: [
				['Woodgrove Bank', 6],
				['Woodgrove Archive', 0],
			],
		},
		{ organization: 'WOODGROVE BANK', owner: 'admin@woodgroveemea.example', tenants: [['Woodgrove Bank', 2]] },
		{ organization: 'Tailspin Toys', owner: 'admin@tailspin.example', tenants: [] },
	];
	const users = new Map<string, WireUser[]>();
	const customers = layout.map((entry, c) => ({
		id: customerGuid(c),
		organization: entry.organization,
		ownerEmail: entry.owner,
		countryOrRegion: 'US',
		jobStatus: 1,
		managementMode: 1,
		tenants: entry.tenants.map(([name, count], t) => {
			// Statuses go round: user n of every tenant has status n % 9 (0: MFA disabled ... 6: Inactive).
			users.set(
				tenantGuid(c, t),
				makeUsers(count).map((u, n) => ({ ...u, id: tenantUserId(c, t, n), status: [n % 9], displayName: `${name} user ${n}` })),
			);
			return { id: tenantGuid(c, t), name };
		}),
	}));
	return { customers, users };
}

const CUSTOMERS = /\/partner\/external\/v3\/general\/customers\/batch\?pageIndex=(\d+)&pageSize=(\d+)$/;
const ONE_USER = /\/partner\/external\/v3\/um\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/([^/?]+)$/;

export interface SentCustomersRequest {
	pageIndex: number;
	pageSize: number;
	customerIds: string[] | undefined;
}

export const parseCustomersRequest = (options: IHttpRequestOptions): SentCustomersRequest | undefined => {
	const match = CUSTOMERS.exec(options.url);
	if (!match) return undefined;
	return {
		pageIndex: Number(match[1]),
		pageSize: Number(match[2]),
		customerIds: (options.body as { customerIds?: string[] } | undefined)?.customerIds,
	};
};

export type Endpoint = 'customers' | 'users' | 'user';

export const endpointOf = (options: IHttpRequestOptions): Endpoint =>
	CUSTOMERS.test(options.url) ? 'customers' : ONE_USER.test(options.url) && options.method === 'GET' ? 'user' : 'users';

const json = (body: object): IN8nHttpFullResponse => ({
	statusCode: 200,
	headers: { 'content-type': 'application/json' },
	body: body as IN8nHttpFullResponse['body'],
});

export interface ServeOptions {
	/** Customers per page the service serves whatever is asked (the newer docs' 50). */
	maxCustomersPerPage?: number;
}

/** The service's answer to one request of any of the three endpoints. */
export function serveDirectory(dir: Directory, o: ServeOptions = {}) {
	return (options: IHttpRequestOptions): IN8nHttpFullResponse => {
		const customers = parseCustomersRequest(options);
		if (customers) {
			const wanted = customers.customerIds?.map((id) => id.toLowerCase());
			const matching = wanted ? dir.customers.filter((c) => wanted.includes(c.id)) : dir.customers;
			const size = Math.min(customers.pageSize, o.maxCustomersPerPage ?? Infinity);
			const start = (customers.pageIndex - 1) * size;
			return json({
				data: matching.slice(start, start + size),
				metadata: { pageIndex: customers.pageIndex, pageSize: size, totalCount: matching.length },
			});
		}
		const one = ONE_USER.exec(options.url);
		if (one && options.method === 'GET') {
			const user = (dir.users.get(decodeURIComponent(one[2]!).toLowerCase()) ?? []).find(
				(u) => u.id === decodeURIComponent(one[3]!).toLowerCase(),
			);
			if (!user) throw httpError(NODE, 404, {}, { error: 'not_found', message: 'user not found' });
			// The one-user view: the batch fields and more, alternate addresses a string as the field table has it.
			return json({
				...user,
				loginName: user.userPrincipalName,
				manager: 'Megan Bowen',
				alternateEmailAddress: 'alt@example.com',
				city: 'Seattle',
			});
		}
		const request = parseRequest(options);
		if (!dir.users.has(request.tenantId.toLowerCase())) throw httpError(NODE, 404, {}, { error: 'not_found' });
		return answer(Object.fromEntries(dir.users), request);
	};
}
