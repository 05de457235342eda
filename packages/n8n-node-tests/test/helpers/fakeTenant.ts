// An in-memory stand-in for the users batch endpoint, answering the requests the node sends
// through the injected helper. It reads the request the way the real service does (path, query,
// body), so the tests check what goes over the wire, not what the node meant to send.
import { NodeApiError, type IHttpRequestOptions, type IN8nHttpFullResponse, type INode } from 'n8n-workflow';

export const CUSTOMER = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
export const TENANT = '0c7715b3-8d1f-4e2a-9b3c-f3634dcfacec';
export const OTHER_TENANT = '1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d';
export const MISSING_ID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

export const userId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export interface WireUser {
	id: string;
	displayName: string;
	userPrincipalName: string;
	mail: string;
	department: string;
	jobTitle: string;
	employeeId: string;
	status: number[] | number;
	isTestUser: boolean;
	startDate: string;
}

export function makeUsers(count: number): WireUser[] {
	return Array.from({ length: count }, (_, n) => ({
		id: userId(n),
		displayName: `User ${n}`,
		userPrincipalName: `user${n}@contoso.example`,
		mail: `user${n}@contoso.example`,
		department: n % 2 === 0 ? 'Sales' : 'IT',
		jobTitle: 'Engineer',
		employeeId: String(1000 + n),
		// Every fifth user comes with a bare integer, as the documentation's field table has it.
		status: n % 5 === 0 ? 6 : [0, 1],
		isTestUser: false,
		startDate: '1970-01-01T00:00:00Z',
	}));
}

export interface SentRequest {
	url: string;
	method: string;
	customerId: string;
	tenantId: string;
	pageIndex: number;
	pageSize: number;
	userIds: string[] | undefined;
	authorization: string | undefined;
}

const PATH = /\/partner\/external\/v3\/um\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/batch\?pageIndex=(\d+)&pageSize=(\d+)$/;

export function parseRequest(options: IHttpRequestOptions): SentRequest {
	const match = PATH.exec(options.url);
	if (!match) throw new Error(`unexpected URL ${options.url}`);
	const body = (options.body ?? {}) as { userIds?: string[] };
	return {
		url: options.url,
		method: String(options.method),
		customerId: decodeURIComponent(match[1]!),
		tenantId: decodeURIComponent(match[2]!),
		pageIndex: Number(match[3]),
		pageSize: Number(match[4]),
		userIds: body.userIds,
		authorization: (options.headers as Record<string, string> | undefined)?.Authorization,
	};
}

/** The service's answer to one request, over the given tenants' users. */
export function answer(tenants: Record<string, WireUser[]>, request: SentRequest): IN8nHttpFullResponse {
	const users = tenants[request.tenantId.toLowerCase()] ?? [];
	const wanted = request.userIds?.length ? new Set(request.userIds.map((id) => id.toLowerCase())) : undefined;
	const matching = wanted ? users.filter((u) => wanted.has(u.id)) : users;
	const start = (request.pageIndex - 1) * request.pageSize;
	return {
		statusCode: 200,
		headers: { 'content-type': 'application/json' },
		body: {
			data: matching.slice(start, start + request.pageSize),
			metadata: { pageIndex: request.pageIndex, pageSize: request.pageSize, totalCount: matching.length },
		},
	};
}

/** What n8n's helper throws for an HTTP error: axios's error wrapped in NodeApiError. */
export function httpError(node: INode, status: number, headers: Record<string, string> = {}, data: unknown = {}): NodeApiError {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		response: { status, headers, data },
	});
	return new NodeApiError(node, axiosError as never);
}

/** A connection failure: no response at all. */
export function networkError(node: INode): NodeApiError {
	return new NodeApiError(node, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) as never);
}
