// Sends one page request through n8n's authenticated helper. Retries and their waits follow the
// protocol's decideRetry; the token's refresh after a 401 is n8n's, via preAuthentication.
import {
	DEFAULT_RETRY_POLICY,
	apiErrorFromResponse,
	buildUsersBatchRequest,
	buildUsersBatchUrl,
	decideRetry,
	headerValue,
	normalizeUsersPage,
	requestIdOf,
	type HeaderSource,
	type RetryPolicy,
	type UsersPage,
	type ValidUsersPageInput,
} from '../core/protocol';
import { sleep, type IExecuteFunctions, type IN8nHttpFullResponse } from 'n8n-workflow';

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

/** By code, or by name when the credential dropped the code (see forCredentialTest). */
const CARRIED: Record<string, CarriedError['code']> = {
	INPUT_INVALID: 'INPUT_INVALID',
	AUTH_FAILED: 'AUTH_FAILED',
	AvePointInputError: 'INPUT_INVALID',
	AvePointAuthError: 'AUTH_FAILED',
};

const carriedCode = (key: unknown): CarriedError['code'] | undefined =>
	typeof key === 'string' && Object.hasOwn(CARRIED, key) ? CARRIED[key] : undefined;

function failedResponseOf(error: unknown): FailedResponse | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const response = (e as { response?: unknown }).response;
		if (response && typeof response === 'object' && typeof (response as { status?: unknown }).status === 'number') {
			return response as FailedResponse;
		}
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

export function protocolErrorOf(error: unknown): CarriedError | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
		const carried = carriedCode(code) ?? carriedCode(name);
		if (carried && typeof message === 'string') return { code: carried, message };
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

export interface SendOptions {
	baseUrl: string;
}

/** The wait before the next attempt, or the error to give up with. */
function retryDelayOrThrow(error: unknown, retriesDone: number, policy: RetryPolicy): number {
	if (protocolErrorOf(error)) throw error;
	const failure = failedResponseOf(error);
	const decision = decideRetry({
		retriesDone,
		status: failure?.status,
		retryAfter: failure ? headerValue(failure.headers, 'retry-after') : undefined,
		networkError: failure === undefined,
		policy,
		nowMs: Date.now(),
		random: Math.random(),
	});
	if (decision.retry) return decision.delayMs;
	if (!failure) throw error;
	throw apiErrorFromResponse({ status: failure.status, headers: failure.headers, body: failure.data, retryCount: retriesDone });
}

export async function sendUsersBatchPage(
	this: IExecuteFunctions,
	input: ValidUsersPageInput,
	options: SendOptions,
): Promise<UsersPage> {
	const request = buildUsersBatchRequest(input);
	const url = buildUsersBatchUrl(options.baseUrl, request);
	for (let retriesDone = 0; ; retriesDone++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				method: request.method,
				url,
				body: request.body,
				headers: request.headers,
				json: true,
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			await sleep(retryDelayOrThrow(error, retriesDone, DEFAULT_RETRY_POLICY));
			continue;
		}
		return normalizeUsersPage(response.body, {
			status: response.statusCode,
			requestId: requestIdOf(response.headers as HeaderSource),
			requested: request.query,
		});
	}
}
