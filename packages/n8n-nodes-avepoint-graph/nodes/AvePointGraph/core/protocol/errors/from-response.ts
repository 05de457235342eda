// Generated from packages/core/src/protocol/errors/from-response.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// An HTTP error response into an AvePointApiError with a message a person can act on.
import { AvePointApiError, type AvePointErrorCode } from './avepoint-errors.js';
import { isRecord } from '../guards.js';

export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** AvePoint documents no request-id header; these are the names its gateways and Azure use. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-ms-request-id', 'x-correlation-id', 'traceparent'];

export function requestIdOf(headers: HeaderSource | undefined): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headerValue(headers, name);
    if (value) return value;
  }
  return undefined;
}

const STATUS_MEANINGS: Record<number, { code: AvePointErrorCode; message: string }> = {
  400: {
    code: 'BAD_REQUEST',
    message: 'AvePoint rejected the request as invalid (check the customer ID, tenant ID, user IDs and page settings)',
  },
  401: { code: 'UNAUTHORIZED', message: 'AvePoint did not accept the access token (it is missing, invalid or expired)' },
  403: { code: 'FORBIDDEN', message: 'The app has no access to this customer, or lacks the elements.um.user.read.all permission' },
  404: { code: 'NOT_FOUND', message: 'AvePoint does not know this customer or tenant (check both IDs)' },
  429: { code: 'RATE_LIMITED', message: 'AvePoint rate limit exceeded; wait before sending more requests' },
  500: { code: 'SERVER_ERROR', message: 'AvePoint failed to answer (an internal failure of the service)' },
  502: { code: 'UNAVAILABLE', message: 'AvePoint is unreachable (bad gateway)' },
  503: { code: 'UNAVAILABLE', message: 'AvePoint is unavailable (maintenance or overload); try again later' },
  504: { code: 'UNAVAILABLE', message: 'AvePoint did not answer in time (gateway timeout)' },
};

export function classifyStatus(status: number): { code: AvePointErrorCode; message: string } {
  return STATUS_MEANINGS[status] ?? { code: status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR', message: `AvePoint answered HTTP ${status}` };
}

/** A short detail from whatever body came back (JSON of any shape, text, or nothing). */
export function describeErrorBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    return text === '' || text.startsWith('<') ? undefined : text.slice(0, 200);
  }
  if (!isRecord(body)) return undefined;
  for (const key of ['message', 'error_description', 'detail', 'title', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
    if (isRecord(value) && typeof value.message === 'string') return value.message.slice(0, 200);
  }
  return undefined;
}

/** What a 403 or 404 means depends on what was asked. */
export type Resource = 'users' | 'user' | 'customers';

const RESOURCE_MEANINGS: Record<Resource, Partial<Record<number, string>>> = {
  users: {},
  user: { 404: 'AvePoint knows no such user in this tenant (or no such customer or tenant: check the three IDs)' },
  customers: {
    403: 'The app lacks the elements.customers.read.all permission: grant it to the app in AvePoint Elements (Settings > API app registration) to list customers',
    404: 'AvePoint does not serve the customers endpoint at this base URL',
  },
};

/**
 * An error answered with an HTML page did not come from the API (which answers JSON, or nothing):
 * a gateway, firewall or web server in front of it sent it, or the base URL is not the API's.
 */
const HTML_PAGE_HINTS: Partial<Record<number, string>> = {
  403: 'an HTML page, not the API: a firewall or proxy in between may have refused the request',
  404: 'an HTML page, not the API: check the base URL (or the environment)',
};

function htmlPageHint(status: number, body: unknown): string | undefined {
  if (typeof body !== 'string' || !/^\s*</.test(body)) return undefined;
  return HTML_PAGE_HINTS[status] ?? 'an HTML page, not the API';
}

export function apiErrorFromResponse(response: {
  status: number;
  headers?: HeaderSource | undefined;
  body: unknown;
  retryCount?: number | undefined;
  resource?: Resource | undefined;
}): AvePointApiError {
  const classified = classifyStatus(response.status);
  const code = classified.code;
  const message = RESOURCE_MEANINGS[response.resource ?? 'users'][response.status] ?? classified.message;
  const detail = describeErrorBody(response.body) ?? htmlPageHint(response.status, response.body);
  const requestId = requestIdOf(response.headers);
  const text = `${message} (HTTP ${response.status}${detail ? `: ${detail}` : ''})${requestId ? ` [request id ${requestId}]` : ''}`;
  return new AvePointApiError(code, text, {
    status: response.status,
    requestId,
    body: response.body,
    retryAfter: headerValue(response.headers, 'retry-after'),
    retryCount: response.retryCount ?? 0,
    permission: response.status === 403 && response.resource === 'customers' ? 'elements.customers.read.all' : undefined,
  });
}
