// One page over the typed openapi-fetch client. The request's shape, the error classification
// and the response's normalization are the protocol's; this file only carries bytes.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import {
  AvePointError,
  USERS_BATCH_PATH,
  apiErrorFromResponse,
  buildUsersBatchRequest,
  normalizeUsersPage,
  requestIdOf,
  type UsersPage,
  type ValidUsersPageInput,
} from '../protocol/index.js';
import { retriesOf } from './retry-count.js';
import { abortReason } from './sleep.js';
import { toTransportError } from './transport-error.js';

export type UsersApi = Client<paths, 'application/json'>;

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    // Left as text: normalizeUsersPage turns it into INVALID_RESPONSE rather than a SyntaxError.
    return text;
  }
}

export async function fetchUsersPage(api: UsersApi, baseUrl: string, input: ValidUsersPageInput, signal?: AbortSignal): Promise<UsersPage> {
  const request = buildUsersBatchRequest(input);
  let result: Awaited<ReturnType<typeof send>>;
  const send = () =>
    api.POST(USERS_BATCH_PATH, {
      params: { path: { customerId: input.customerId, tenantId: input.tenantId }, query: request.query },
      body: request.body,
      headers: request.headers,
      // Text, parsed here: a body that is not JSON must become an AvePointApiError, not a SyntaxError.
      parseAs: 'text',
      ...(signal ? { signal } : {}),
    });
  try {
    result = await send();
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (error instanceof AvePointError) throw error;
    throw toTransportError(error, baseUrl, retriesOf(error));
  }
  const { response } = result;
  if (!response.ok) {
    throw apiErrorFromResponse({ status: response.status, headers: response.headers, body: result.error, retryCount: retriesOf(response) });
  }
  return normalizeUsersPage(parseJson(result.data), {
    status: response.status,
    requestId: requestIdOf(response.headers),
    requested: { pageIndex: input.pageIndex, pageSize: input.pageSize },
  });
}
