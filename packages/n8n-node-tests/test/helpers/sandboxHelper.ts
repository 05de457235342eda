// n8n's request helpers over the sandbox, in process: the node's unit tests send what it passes
// to `httpRequestWithAuthentication` to a sandbox started with `listen: false` (no socket), and get
// back what n8n 2.x hands a node. Only n8n's side is played here: the options read as n8n's axios
// request reads them, a bearer token for the app, the 401 renewal n8n runs for a credential with
// preAuthentication, and the answer shaped as n8n's helper shapes it (`returnFullResponse`, a
// Readable for `encoding: 'stream'`, a NodeApiError around axios's error for an HTTP error
// status). Everything AvePoint says (statuses, bodies, paging, validation, faults) is the
// sandbox's, set with its options and fault rules.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { startSandbox, type RecordedRequest, type Sandbox, type SandboxOptions } from '@avepoint-graph-kit/sandbox';
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
} from 'n8n-workflow';

import { NODE } from './fakeContext';

/** An app registered with the sandbox's identity service. */
export interface SandboxApp {
	clientId: string;
	clientSecret: string;
}

/** `helpers.httpRequest` or `helpers.httpRequestWithAuthentication` (its credential type aside). */
export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export interface N8nHelpers {
	/** n8n's authenticated helper: a token for the app, renewed once after a 401, as n8n does. */
	httpRequestWithAuthentication: HttpRequest;
	/** n8n's plain helper, what a credential's preAuthentication gets: no token. */
	httpRequest: HttpRequest;
	/** A Custom-environment credential on this sandbox and app, without Customers Permission. */
	credentials: ICredentialDataDecryptedObject;
	/** The same with Customers Permission on. */
	withCustomers: ICredentialDataDecryptedObject;
}

// The options n8n's helper reads and this one plays. Anything else the node passes fails the
// test, so that a new option is looked at here before its effect is assumed.
const PLAYED_OPTIONS: ReadonlySet<string> = new Set([
	'url',
	'method',
	'qs',
	'body',
	'headers',
	'json',
	'encoding',
	'returnFullResponse',
	'ignoreHttpStatusErrors',
	'disableFollowRedirect',
	'abortSignal',
]);

const NO_BODY_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The body axios sends for n8n's `body`: an empty object is no body at all; GET never has one. */
function bodyOf(options: IHttpRequestOptions, method: string, headers: Headers): BodyInit | undefined {
	const { body } = options;
	if (NO_BODY_METHODS.has(method) || body === undefined || body === null) return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return new Uint8Array(body);
	if (body instanceof URLSearchParams) {
		if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
		return body;
	}
	if (isPlainObject(body)) {
		if (Object.keys(body).length === 0) return undefined;
		if (headers.get('content-type') === 'application/x-www-form-urlencoded') return new URLSearchParams(body as Record<string, string>);
		if (!headers.has('content-type')) headers.set('content-type', 'application/json');
		return JSON.stringify(body);
	}
	throw new Error(`the sandbox helper does not play a body of this kind (${Object.prototype.toString.call(body)})`);
}

/** Whether n8n's axios resolves a status or rejects it (`ignoreHttpStatusErrors`, else 2xx only). */
function resolves(status: number, ignore: IHttpRequestOptions['ignoreHttpStatusErrors']): boolean {
	if (ignore === true) return true;
	if (typeof ignore === 'object' && ignore !== null) return !ignore.except.includes(status);
	return status >= 200 && status < 300;
}

/** axios's error for an HTTP error status, as n8n 2.x keeps it: the `cause` of its NodeApiError. */
function httpStatusError(status: number, headers: Record<string, string>, data: unknown): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		response: { status, headers, data },
	});
}

/** axios's error for a connection that failed: the socket error's message and code, no response. */
function connectionError(error: unknown): Error {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const { message, code } = cause as { message?: unknown; code?: unknown };
	return Object.assign(new Error(typeof message === 'string' ? message : String(cause)), {
		isAxiosError: true,
		...(typeof code === 'string' ? { code } : {}),
		cause: error,
	});
}

/** axios's error for a request its signal aborted before the answer. */
const canceledError = (): Error =>
	Object.assign(new Error('canceled'), { name: 'CanceledError', code: 'ERR_CANCELED', isAxiosError: true });

/** The body as axios gives it: the stream itself for `encoding: 'stream'`, else parsed JSON or the text. */
async function dataOf(response: Response, encoding: IHttpRequestOptions['encoding']): Promise<unknown> {
	if (encoding === 'stream') return response.body ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
	if (encoding !== undefined && encoding !== 'json' && encoding !== 'text')
		throw new Error(`the sandbox helper does not play encoding: '${encoding}'`);
	const text = await response.text();
	if (encoding === 'text') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A token from the sandbox's identity service for an app: what preAuthentication stores. */
async function fetchToken(sb: Sandbox, app: SandboxApp): Promise<string> {
	// No scope: the service grants every permission the app has.
	const response = await sb.fetch(sb.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
	});
	const body = (await response.json()) as { access_token?: string };
	if (!response.ok || typeof body.access_token !== 'string')
		throw new Error(`the sandbox refused the helper a token (HTTP ${response.status}): ${JSON.stringify(body)}`);
	return body.access_token;
}

/**
 * One request as n8n's axios sends it and answers it, to the sandbox: the answer (full or the
 * body alone), or a thrown axios-shaped error that the helper wraps in NodeApiError.
 */
async function sendToSandbox(sb: Sandbox, options: IHttpRequestOptions, token: string | undefined): Promise<unknown> {
	for (const key of Object.keys(options))
		if (!PLAYED_OPTIONS.has(key) && options[key as keyof IHttpRequestOptions] !== undefined)
			throw new Error(`the sandbox helper does not play IHttpRequestOptions.${key}`);
	const url = new URL(options.url);
	// A request elsewhere is a test that forgot the sandbox's credential: say so at once, rather
	// than let the node retry a host that does not resolve.
	if (url.origin !== new URL(sb.baseUrl).origin) throw new Error(`${url.href} is not the sandbox (${sb.baseUrl})`);
	for (const [name, value] of Object.entries(options.qs ?? {})) {
		if (value === undefined) continue;
		if (typeof value === 'object' && value !== null)
			throw new Error(`the sandbox helper does not play a qs value that is an object (${name})`);
		url.searchParams.append(name, String(value));
	}
	const method = options.method ?? 'GET';
	const headers = new Headers();
	for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers.set(name, String(value));
	if (options.json && !headers.has('accept')) headers.set('accept', 'application/json');
	if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
	const body = bodyOf(options, method, headers);

	let response: Response;
	try {
		response = await sb.fetch(url, {
			method,
			headers,
			...(body === undefined ? {} : { body }),
			redirect: options.disableFollowRedirect ? 'manual' : 'follow',
			...(options.abortSignal ? { signal: options.abortSignal as AbortSignal } : {}),
		});
	} catch (error) {
		throw options.abortSignal?.aborted ? canceledError() : connectionError(error);
	}
	const responseHeaders = Object.fromEntries(response.headers);
	let data: unknown;
	try {
		data = await dataOf(response, options.encoding);
	} catch (error) {
		// A body cut off or undecodable while axios buffered it (not a stream: that fails as it is read).
		throw connectionError(error);
	}
	if (!resolves(response.status, options.ignoreHttpStatusErrors)) throw httpStatusError(response.status, responseHeaders, data);
	if (!options.returnFullResponse) return data;
	const full: IN8nHttpFullResponse = {
		statusCode: response.status,
		statusMessage: response.statusText,
		headers: responseHeaders,
		body: data as IN8nHttpFullResponse['body'],
	};
	return full;
}

const statusOf = (error: unknown): unknown => (error as { response?: { status?: unknown } }).response?.status;

/** n8n's helpers for one app of a sandbox (the demo app with a client secret by default). */
export function n8nHelpersOn(sb: Sandbox, app: SandboxApp = sb, node: INode = NODE): N8nHelpers {
	// The token n8n keeps in the credential's expirable field: fetched on first use, renewed after a 401.
	let token: Promise<string> | undefined;
	const currentToken = () => (token ??= fetchToken(sb, app));
	const credentials: ICredentialDataDecryptedObject = {
		environment: 'custom',
		baseUrl: sb.baseUrl,
		tokenUrl: sb.tokenUrl,
		authMethod: 'clientSecret',
		clientId: app.clientId,
		clientSecret: app.clientSecret,
	};
	return {
		credentials,
		withCustomers: { ...credentials, customersPermission: true },
		httpRequest: async (options) => {
			try {
				return await sendToSandbox(sb, options, undefined);
			} catch (error) {
				throw new NodeApiError(node, error as never);
			}
		},
		httpRequestWithAuthentication: async (options) => {
			try {
				return await sendToSandbox(sb, options, await currentToken());
			} catch (error) {
				// n8n 2.x: a 401 re-runs preAuthentication (a new token) and sends the request once more.
				if (statusOf(error) !== 401) throw new NodeApiError(node, error as never);
				token = fetchToken(sb, app);
				try {
					return await sendToSandbox(sb, options, await token);
				} catch (retryError) {
					throw new NodeApiError(node, retryError as never);
				}
			}
		},
	};
}

/** A sandbox in process with n8n's helpers for its demo app. */
export interface NodeSandbox extends N8nHelpers {
	sb: Sandbox;
}

const open: Sandbox[] = [];

/** Starts a sandbox with no socket; `closeSandboxes` (afterEach) closes it. */
export async function startNodeSandbox(options: Omit<SandboxOptions, 'listen' | 'port' | 'host'> = {}): Promise<NodeSandbox> {
	const sb = await startSandbox({ ...options, listen: false });
	open.push(sb);
	return { sb, ...n8nHelpersOn(sb) };
}

export async function closeSandboxes(): Promise<void> {
	await Promise.all(open.splice(0).map((sb) => sb.close()));
}

// What the sandbox received, read back from its recorder: the tests check what went over the
// wire, not what the node meant to send.

export interface ReceivedUsersRequest {
	method: string;
	customerId: string;
	tenantId: string;
	pageIndex: number;
	pageSize: number;
	userIds: string[] | undefined;
	authorizationScheme: string | undefined;
}

export interface ReceivedCustomersRequest {
	pageIndex: number;
	pageSize: number;
	customerIds: string[] | undefined;
}

const queryNumber = (r: RecordedRequest, name: string): number => Number(new URLSearchParams(r.query).get(name));

/** The users batch requests the sandbox received, oldest first (a retried request once per attempt). */
export const usersRequests = (sb: Sandbox): ReceivedUsersRequest[] =>
	sb
		.requests()
		.filter((r) => r.endpoint === 'users')
		.map((r) => ({
			method: r.method,
			customerId: decodeURIComponent(r.pathParams!.customerId),
			tenantId: decodeURIComponent(r.pathParams!.tenantId),
			pageIndex: queryNumber(r, 'pageIndex'),
			pageSize: queryNumber(r, 'pageSize'),
			userIds: (r.body as { userIds?: string[] } | undefined)?.userIds,
			authorizationScheme: r.headers.authorizationScheme,
		}));

/** The customers batch requests the sandbox received, oldest first. */
export const customersRequests = (sb: Sandbox): ReceivedCustomersRequest[] =>
	sb
		.requests()
		.filter((r) => r.endpoint === 'customers')
		.map((r) => ({
			pageIndex: queryNumber(r, 'pageIndex'),
			pageSize: queryNumber(r, 'pageSize'),
			customerIds: (r.body as { customerIds?: string[] } | undefined)?.customerIds,
		}));

/** The API requests (not the token's), by endpoint: `users`, `user` or `customers`. */
export const apiEndpoints = (sb: Sandbox): string[] =>
	sb
		.requests()
		.filter((r) => r.endpoint === 'users' || r.endpoint === 'user' || r.endpoint === 'customers')
		.map((r) => r.endpoint);

/**
 * What n8n's helper hands back for a body the sandbox cannot be made to send (a proxy's HTML
 * page, a field in a shape the sandbox never serves): the answer of a test that answers one
 * request itself. The body is a stream, as for the node's `encoding: 'stream'`.
 */
export const streamedResponse = (statusCode: number, text: string, headers: Record<string, string> = {}): IN8nHttpFullResponse => ({
	statusCode,
	headers,
	body: Readable.from([Buffer.from(text)]) as unknown as IN8nHttpFullResponse['body'],
});
