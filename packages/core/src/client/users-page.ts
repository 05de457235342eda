// One page of the users batch endpoint over the pipeline. The request's shape, the error
// classification and the response's normalization are the protocol's; this file carries bytes.
import {
  apiErrorFromResponse,
  buildUsersBatchRequest,
  buildUsersBatchUrl,
  normalizeUsersPage,
  requestIdOf,
  type UsersPage,
  type ValidUsersPageInput,
} from '../protocol/index.js';
import type { RawResponse, Send } from '../transport/http.js';

/** JSON when it parses; the text otherwise, which the protocol reports as INVALID_RESPONSE. */
export function parseBody(response: RawResponse): unknown {
  if (response.body === '') return undefined;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return response.body;
  }
}

/** Sends one page request; a non-2xx answer becomes an AvePointApiError with the protocol's meaning. */
export async function sendUsersPage(send: Send, baseUrl: string, input: ValidUsersPageInput, signal: AbortSignal | undefined): Promise<UsersPage> {
  const request = buildUsersBatchRequest(input);
  const response = await send({
    url: buildUsersBatchUrl(baseUrl, request),
    method: request.method,
    headers: request.headers,
    body: JSON.stringify(request.body),
    signal,
    redirect: 'manual',
  });
  if (response.status < 200 || response.status >= 300) {
    throw apiErrorFromResponse({ status: response.status, headers: response.headers, body: parseBody(response) });
  }
  return normalizeUsersPage(parseBody(response), {
    status: response.status,
    requestId: requestIdOf(response.headers),
    requested: { pageIndex: input.pageIndex, pageSize: input.pageSize },
    owned: true,
  });
}
