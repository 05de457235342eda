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
import { bodyText, type RawResponse, type Send } from '../transport/http.js';

/** JSON when it parses; the text otherwise, which the protocol reports as INVALID_RESPONSE. */
export function parseBody(response: RawResponse): unknown {
  const text = bodyText(response);
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends one page request and returns the reading of its answer, to run when the page is needed: a
 * listing keeps the text of pages waiting for their turn, not thousands of parsed users. A non-2xx
 * answer throws at once, as an AvePointApiError with the protocol's meaning (so it is retried).
 */
export async function requestUsersPage(
  send: Send,
  baseUrl: string,
  input: ValidUsersPageInput,
  signal: AbortSignal | undefined,
): Promise<() => UsersPage> {
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
  return () =>
    normalizeUsersPage(parseBody(response), {
      status: response.status,
      requestId: requestIdOf(response.headers),
      requested: { pageIndex: input.pageIndex, pageSize: input.pageSize },
      owned: true,
    });
}

/** One page, read at once. */
export async function sendUsersPage(
  send: Send,
  baseUrl: string,
  input: ValidUsersPageInput,
  signal: AbortSignal | undefined,
): Promise<UsersPage> {
  return (await requestUsersPage(send, baseUrl, input, signal))();
}
