// One attempt at one request of the API, through n8n's authenticated helper (which refreshes the
// token on a 401 through the credential's preAuthentication). Retries, paging and pacing are the
// engine's; the request's shape and the reading of the answer are core's protocol; this file
// carries bytes, for the node's execution and for its list searches alike.
import {
	AvePointApiError,
	DEFAULT_MAX_RESPONSE_BYTES,
	ERROR_BODY_READ_BYTES,
	apiErrorFromResponse,
	responseTooLarge,
	transportErrorOf,
	type HeaderSource,
	type Resource,
} from '../core/protocol';
import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'avePointGraphApi';

/** What an n8n request error holds of the HTTP answer (axios's shape, possibly wrapped in NodeApiError). */
interface FailedResponse {
	status: number;
	headers?: HeaderSource;
	data?: unknown;
}

/** Errors raised by our own code (preAuthentication, validation) travel inside n8n's wrapper. */
interface CarriedError {
	code: 'INPUT_INVALID' | 'AUTH_FAILED';
	message: string;
}

const CARRIED_CODES: ReadonlySet<string> = new Set<CarriedError['code']>([
	'INPUT_INVALID',
	'AUTH_FAILED',
]);

/** Core's code on one of its errors, or on a PreAuthenticationError (credentialSupport/token.ts) that kept it. */
function carriedCode(error: object): CarriedError['code'] | undefined {
	const { avePointCode, code } = error as { avePointCode?: unknown; code?: unknown };
	const found = typeof avePointCode === 'string' ? avePointCode : code;
	return typeof found === 'string' && CARRIED_CODES.has(found)
		? (found as CarriedError['code'])
		: undefined;
}

/**
 * The HTTP answer inside n8n's request error. n8n 2.x keeps axios's error as the `cause` of its
 * NodeApiError, with `response`. n8n-workflow 1.x drops `cause` (a class field resets it) and
 * keeps the answer only as `context.data`, the response stream with `statusCode` and `headers`.
 */
function failedResponseOf(error: unknown): FailedResponse | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const response = (e as { response?: unknown }).response;
		if (
			response &&
			typeof response === 'object' &&
			typeof (response as { status?: unknown }).status === 'number'
		) {
			return response as FailedResponse;
		}
		const stream = (e as { context?: { data?: unknown } }).context?.data;
		if (
			stream &&
			typeof stream === 'object' &&
			typeof (stream as { statusCode?: unknown }).statusCode === 'number'
		) {
			const { statusCode, headers } = stream as { statusCode: number; headers?: HeaderSource };
			return { status: statusCode, data: stream, ...(headers ? { headers } : {}) };
		}
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

export function protocolErrorOf(error: unknown): CarriedError | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const carried = carriedCode(e);
		const { message } = e as { message?: unknown };
		if (carried && typeof message === 'string') return { code: carried, message };
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

interface ByteStream {
	[Symbol.asyncIterator](): AsyncIterator<Uint8Array | string>;
	destroy?: () => void;
}

const isByteStream = (value: unknown): value is ByteStream =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

/**
 * The body as text, read from n8n's response stream and stopped at `limit` decoded bytes: a huge
 * or endless body or a decompression bomb ends early with bounded memory. Past the limit a
 * success fails (INVALID_RESPONSE) and an error body is cut.
 */
async function readBody(
	body: unknown,
	limit: number,
	tooLarge: (() => Error) | undefined,
): Promise<unknown> {
	if (!isByteStream(body)) return body;
	const chunks: Buffer[] = [];
	let size = 0;
	let complete = false;
	try {
		for await (const chunk of body) {
			const bytes =
				typeof chunk === 'string'
					? Buffer.from(chunk)
					: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			if (size + bytes.length > limit) {
				body.destroy?.();
				if (tooLarge) throw tooLarge();
				chunks.push(bytes.subarray(0, limit - size));
				size = limit;
				break;
			}
			chunks.push(bytes);
			size += bytes.length;
		}
		complete = true;
	} finally {
		// Stopped early (too large, or the stream failed): release the socket.
		if (!complete) body.destroy?.();
	}
	return Buffer.concat(chunks).toString('utf8');
}

const parseJson = (body: unknown): unknown => {
	if (typeof body !== 'string') return body;
	if (body === '') return undefined;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
};

export interface SendOptions {
	baseUrl: string;
	signal?: AbortSignal | undefined;
	maxResponseBytes?: number | undefined;
}

/** The failure of a request as the error to report: our own, the service's answer, or the network. */
async function failureOf(error: unknown, url: string, resource: Resource): Promise<unknown> {
	if (protocolErrorOf(error)) return error;
	const failure = failedResponseOf(error);
	if (failure) {
		const data = parseJson(
			await readBody(failure.data, ERROR_BODY_READ_BYTES, undefined).catch(() => undefined),
		);
		return apiErrorFromResponse({
			status: failure.status,
			headers: failure.headers,
			body: data,
			resource,
		});
	}
	return transportErrorOf(error, url) ?? error;
}

/** What sends: a node's execution, or its list searches in the editor. */
export type RequestFunctions = IExecuteFunctions | ILoadOptionsFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** The whole URL, query included. */
	url: string;
	body?: unknown;
	headers: Record<string, string>;
	/** What is asked, so that a 403 or 404 says what it means for it. */
	resource: Resource;
}

export interface ApiResponse {
	status: number;
	headers: HeaderSource;
	/** Parsed JSON, or the text when it is not JSON. */
	body: unknown;
	/** The body was parsed from the stream for this call alone: its objects may be changed in place. */
	owned: boolean;
}

export async function sendApiRequest(
	this: RequestFunctions,
	request: ApiRequest,
	options: SendOptions,
): Promise<ApiResponse> {
	const { url } = request;
	const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
	let response: IN8nHttpFullResponse;
	try {
		response = (await (this as IExecuteFunctions).helpers.httpRequestWithAuthentication.call(
			this as IExecuteFunctions,
			CREDENTIAL_TYPE,
			{
				method: request.method,
				url,
				...(request.body === undefined ? {} : { body: request.body as object }),
				headers: request.headers,
				json: true,
				// A stream, so the body is counted as it arrives rather than buffered whole by n8n.
				encoding: 'stream',
				returnFullResponse: true,
				disableFollowRedirect: true,
				...(options.signal ? { abortSignal: options.signal } : {}),
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw await failureOf(error, url, request.resource);
	}
	let body: unknown;
	const owned = isByteStream(response.body);
	try {
		body = parseJson(
			await readBody(response.body, limit, () =>
				responseTooLarge(url, response.statusCode, limit, 'the body went on past it'),
			),
		);
	} catch (error) {
		// Too large (ours already), or the body broke off or could not be decoded.
		throw error instanceof AvePointApiError
			? error
			: (transportErrorOf(error, url, response.statusCode) ??
					new AvePointApiError('INVALID_RESPONSE', 'The response body could not be read', {
						status: response.statusCode,
						cause: error,
					}));
	}
	return { status: response.statusCode, headers: response.headers as HeaderSource, body, owned };
}
