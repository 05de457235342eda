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
import { responseText } from './buffered-response.js';
import type { FetchLike } from './send.js';
import { retriesOf } from './retry-count.js';
import { abortReason } from './sleep.js';
import { toTransportError } from './transport-error.js';

export type UsersApi = Client<paths, 'application/json'>;

async function parseJson(response: Response): Promise<unknown> {
  const text = await responseText(response);
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Left as text: normalizeUsersPage turns it into INVALID_RESPONSE rather than a SyntaxError.
    return text;
  }
}

export interface PageCall {
  /** The pipeline as openapi-fetch's per-call fetch. */
  fetch: FetchLike;
  baseUrl: string;
  input: ValidUsersPageInput;
  signal?: AbortSignal | undefined;
}

export async function fetchUsersPage(api: UsersApi, call: PageCall): Promise<UsersPage> {
  const { baseUrl, input, signal } = call;
  const request = buildUsersBatchRequest(input);
  let result: Awaited<ReturnType<typeof send>>;
  const send = () =>
    api.POST(USERS_BATCH_PATH, {
      params: { path: { customerId: input.customerId, tenantId: input.tenantId }, query: request.query },
      fetch: call.fetch,
      body: request.body,
      headers: request.headers,
      // Parsed here from the text the transport already holds: no second read of the body, and
      // a body that is not JSON becomes an AvePointApiError, not a SyntaxError.
      parseAs: 'stream',
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
  return normalizeUsersPage(await parseJson(response), {
    status: response.status,
    requestId: requestIdOf(response.headers),
    requested: { pageIndex: input.pageIndex, pageSize: input.pageSize },
  });
}
