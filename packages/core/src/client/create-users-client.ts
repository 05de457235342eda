// The public client: openapi-fetch's typed client over a transport pipeline of composable
// layers (retry, auth, timeout, user agent), and the three calls people need on top.
//
// Why layers around fetch rather than openapi-fetch middleware: a middleware runs once per call
// and cannot re-send a request through the middleware before it, while a retry must pass through
// auth again (a token may expire during a 429 storm) and the 401 refresh must re-send. openapi-fetch
// still builds every request from the generated types, and `client.api.use()` takes middleware.
import { createClient } from './openapi-fetch-interop.js';
import type { paths } from '../generated/openapi.js';
import {
  AvePointInputError,
  DEFAULT_RETRY_POLICY,
  USERS_READ_SCOPE,
  resolveEndpoints,
  validateListUsersInput,
  validateUsersPageInput,
  type ListUsersInput,
  type RetryPolicy,
  type User,
  type UsersPage,
  type UsersPageInput,
} from '../protocol/index.js';
import { createTokenProvider } from '../auth/credentials.js';
import { compose, type FetchLike, type SendMiddleware } from './send.js';
import { PlainRequest } from './plain-request.js';
import { asFetch, fetchTransport } from './transport.js';
import { fetchUsersPage, type UsersApi } from './get-users-page.js';
import { getUsersByIdsWith, type UsersByIdsRequest, type UsersByIdsResult } from './get-users-by-ids.js';
import { listPages, listUsersOf, type PageProgress } from './list-users.js';
import type { RetryOptions, UsersClientOptions } from './options.js';
import { sleep as defaultSleep } from './sleep.js';
import { userAgentOf } from './user-agent.js';
import { withAuth } from './with-auth.js';
import { withRetry } from './with-retry.js';
import { withTimeout } from './with-timeout.js';
import { withUserAgent } from './with-user-agent.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface ListUsersRequest extends ListUsersInput {
  signal?: AbortSignal | undefined;
  /** Called after each page, in page order (drives the CLI's progress bar). */
  onPage?: ((progress: PageProgress) => void) | undefined;
}

export interface UsersClient {
  /** The API base URL in use. */
  readonly baseUrl: string;
  /** The typed openapi-fetch client underneath, already authenticated and retrying. */
  readonly api: UsersApi;
  getUsersPage(input: UsersPageInput, options?: CallOptions): Promise<UsersPage>;
  listUsers(input: ListUsersRequest): AsyncGenerator<User, void, undefined>;
  /** The same listing a page at a time (`limit` applied): for writers that handle a page at once. */
  listUsersPages(input: ListUsersRequest): AsyncGenerator<UsersPage, void, undefined>;
  getUsersByIds(input: UsersByIdsRequest): Promise<UsersByIdsResult>;
}

function retryPolicyOf(retry: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (retry === false) return undefined;
  const policy = { ...DEFAULT_RETRY_POLICY };
  const set = (field: keyof RetryPolicy, value: number | undefined) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < 0) throw new AvePointInputError(`retry.${field}`, 'must be an integer >= 0');
    policy[field] = value;
  };
  set('maxRetries', retry?.maxRetries);
  set('baseDelayMs', retry?.baseDelayMs);
  set('maxDelayMs', retry?.maxDelayMs);
  return policy;
}

export function createUsersClient(options: UsersClientOptions): UsersClient {
  if (typeof options !== 'object' || options === null) throw new AvePointInputError('options', 'must be an object');
  const { baseUrl, tokenUrl } = resolveEndpoints(options);
  const transportSend = fetchTransport(options.fetch);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0) throw new AvePointInputError('timeoutMs', 'must be an integer >= 0 (0 turns it off)');
  const policy = retryPolicyOf(options.retry);
  const logger = options.logger;
  const onRetry = (event: Parameters<NonNullable<UsersClientOptions['onRetry']>>[0]) => {
    options.onRetry?.(event);
    // The URL holds IDs and paging only; tokens and secrets travel in headers and bodies.
    logger?.warn?.(`retry ${event.retry} of ${event.url} in ${event.delayMs} ms (${event.status === undefined ? event.error : `HTTP ${event.status}`})`);
  };

  // Shared by both pipelines: retries outermost, so each attempt passes auth again.
  const retry: SendMiddleware[] = policy
    ? [withRetry({ policy, sleep: options.sleep ?? defaultSleep, now, random: options.random ?? Math.random, onRetry })]
    : [];
  const transport: SendMiddleware[] = [...(timeoutMs > 0 ? [withTimeout(timeoutMs)] : []), withUserAgent(userAgentOf(options.userAgent))];

  const tokens = createTokenProvider(options.credentials, {
    tokenUrl,
    scope: options.scope ?? USERS_READ_SCOPE,
    send: compose(transportSend, ...retry, ...transport),
    now,
  });
  const apiSend = compose(transportSend, ...retry, withAuth({ tokens, apiOrigin: new URL(baseUrl).origin }), ...transport);
  const api: UsersApi = createClient<paths>({
    baseUrl,
    fetch: asFetch(apiSend) as FetchLike,
    Request: PlainRequest as unknown as typeof Request,
  });

  // The client's own page calls read the text the transport kept instead of a re-wrapped body.
  const pageFetch = asFetch(apiSend, { readable: false }) as FetchLike;
  const getPage = (input: Parameters<typeof fetchUsersPage>[1]['input'], signal?: AbortSignal) =>
    fetchUsersPage(api, { fetch: pageFetch, baseUrl, input, signal });

  return {
    baseUrl,
    api,
    async getUsersPage(input, callOptions = {}) {
      return getPage(validateUsersPageInput(input), callOptions.signal);
    },
    listUsers(input) {
      // Validated now, so a bad input throws at the call, before any request or iteration.
      const valid = validateListUsersInput(input);
      return listUsersOf(listPages(getPage, valid, input.signal, input.onPage), input.signal);
    },
    listUsersPages(input) {
      const valid = validateListUsersInput(input);
      return listPages(getPage, valid, input.signal, input.onPage);
    },
    getUsersByIds(input) {
      return getUsersByIdsWith(getPage, input);
    },
  };
}
