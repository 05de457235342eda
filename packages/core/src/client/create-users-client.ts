// The public client: layers around fetch (or a host's send) carry every request; the engine drives
// listings over them; openapi-fetch's typed client runs over the same layers as `client.api`.
//
// Why layers around fetch rather than openapi-fetch middleware: a middleware runs once per call
// and cannot re-send a request through the middleware before it, while a retry must pass through
// auth again (a token may expire during a 429 storm) and the 401 refresh must re-send.
import {
  AvePointInputError,
  CUSTOMERS_BATCH_PATH,
  CUSTOMERS_READ_SCOPE,
  USERS_READ_SCOPE,
  resolveEndpoints,
  validateUsersPageInput,
  type RetryPolicy,
  type Customer,
  type User,
  type UserDetail,
  type UsersPage,
  type UsersPageInput,
} from '../protocol/index.js';
import { validateSignal } from '../protocol/validate.js';
import { createScheduler, retryCall, type EngineClock } from '../engine/index.js';
import { createTokenProvider } from '../auth/credentials.js';
import { withAuth } from '../auth/with-auth.js';
import { compose, type Send, type SendMiddleware } from '../transport/http.js';
import { boundedSend, DEFAULT_MAX_RESPONSE_BYTES, fetchSend } from '../transport/fetch-send.js';
import { sleep as timerSleep } from '../transport/sleep.js';
import { userAgentOf, withUserAgent } from '../transport/user-agent.js';
import { withRetry } from '../transport/with-retry.js';
import { withTimeout } from '../transport/with-timeout.js';
import { createUsersApi, type UsersApi } from './openapi-api.js';
import {
  getUsersByIds,
  listUsers,
  listUsersPages,
  type ListedUsersPage,
  type ListingDeps,
  type ListUsersRequest,
  type UsersByIdsRequest,
  type UsersByIdsResult,
} from './listings.js';
import {
  checkedFunction,
  checkedMaxResponseBytes,
  checkedTimeout,
  retryPolicyOf,
  type ClientRetryEvent,
  type UsersClientOptions,
} from './options.js';
import { requestUsersPage, sendUsersPage } from './users-page.js';
import { listCustomers, requestCustomersPage, type ListCustomersRequest } from './customers.js';
import { requestUserDetail, validateGetUserInput, type GetUserRequest } from './user-detail.js';
import { listUsersAcrossTenants, type TenantUser, type UsersAcrossTenantsRequest } from './across-tenants.js';
import type { TokenProvider } from '../auth/token-cache.js';

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface UsersClient {
  /** The API base URL in use. */
  readonly baseUrl: string;
  /** The typed openapi-fetch client underneath, already authenticated and retrying. */
  readonly api: UsersApi;
  getUsersPage(input: UsersPageInput, options?: CallOptions): Promise<UsersPage>;
  listUsers(input: ListUsersRequest): AsyncGenerator<User, void, undefined>;
  /** The same listing a page at a time (`limit` applied): for writers that handle a page at once. */
  listUsersPages(input: ListUsersRequest): AsyncGenerator<ListedUsersPage, void, undefined>;
  getUsersByIds(input: UsersByIdsRequest): Promise<UsersByIdsResult>;
  /** One user in full; NOT_FOUND for an ID the tenant does not have. */
  getUser(input: GetUserRequest, options?: CallOptions): Promise<UserDetail>;
  /**
   * The partner's customers with their tenants. Needs the elements.customers.read.all permission
   * (its own token: an app without it keeps working for the users calls).
   */
  listCustomers(input?: ListCustomersRequest): AsyncGenerator<Customer, void, undefined>;
  /** Every user of every tenant the app can see, with the customer and tenant each belongs to. */
  listUsersAcrossTenants(input?: UsersAcrossTenantsRequest): AsyncGenerator<TenantUser, void, undefined>;
}

export function createUsersClient(options: UsersClientOptions): UsersClient {
  if (typeof options !== 'object' || options === null) throw new AvePointInputError('options', 'must be an object');
  const { baseUrl, tokenUrl } = resolveEndpoints(options);
  const fetchOption = checkedFunction<NonNullable<UsersClientOptions['fetch']>>('fetch', options.fetch);
  const sendOption = checkedFunction<Send>('send', options.send);
  if (fetchOption && sendOption) throw new AvePointInputError('send', 'cannot be given together with fetch');
  const maxResponseBytes = checkedMaxResponseBytes(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES);
  const transportSend = sendOption ? boundedSend(sendOption, maxResponseBytes) : fetchSend(fetchOption, maxResponseBytes);
  const clock: EngineClock = {
    sleep: checkedFunction('sleep', options.sleep) ?? timerSleep,
    now: checkedFunction('now', options.now) ?? Date.now,
    random: checkedFunction('random', options.random) ?? Math.random,
  };
  const timeoutMs = checkedTimeout(options.timeoutMs);
  const policy: RetryPolicy = retryPolicyOf(options.retry);
  const logger = options.logger;
  const userOnRetry = checkedFunction<(event: ClientRetryEvent) => void>('onRetry', options.onRetry);
  const onRetry = (event: ClientRetryEvent) => {
    userOnRetry?.(event);
    // URLs hold IDs and paging only; tokens and secrets travel in headers and bodies.
    const why = event.status === undefined ? event.error : `HTTP ${event.status}`;
    logger?.warn?.(`retry ${event.retry} of ${event.what ?? event.url ?? 'a request'} in ${event.delayMs} ms (${why ?? 'failed'})`);
  };

  const transport: SendMiddleware[] = [...(timeoutMs > 0 ? [withTimeout(timeoutMs)] : []), withUserAgent(userAgentOf(options.userAgent))];
  const retrying: SendMiddleware[] = policy.maxRetries > 0 ? [withRetry({ ...clock, policy, onRetry })] : [];
  // One token per permission, asked for only when a call needs it: an app granted only the users
  // permission never asks for the customers one (that request would fail with invalid_scope).
  const tokenContext = { tokenUrl, send: compose(transportSend, ...retrying, ...transport), now: clock.now };
  const usersTokens = createTokenProvider(options.credentials, { ...tokenContext, scope: options.scope ?? USERS_READ_SCOPE });
  let customersTokens: TokenProvider | undefined;
  const customersPath = `${baseUrl}${CUSTOMERS_BATCH_PATH}`;
  const tokensFor = (request: { url: string }): TokenProvider => {
    if (!request.url.startsWith(customersPath)) return usersTokens;
    customersTokens ??= createTokenProvider(options.credentials, { ...tokenContext, scope: CUSTOMERS_READ_SCOPE });
    return customersTokens;
  };
  const auth = withAuth({ tokens: tokensFor, apiOrigin: new URL(baseUrl).origin });
  // Page calls are retried by the engine (which also paces and counts progress), not by a layer.
  const pageSend = compose(transportSend, auth, ...transport);
  const api = createUsersApi(compose(transportSend, ...retrying, auth, ...transport), baseUrl);

  const scheduler = (concurrency: number) => createScheduler({ ...clock, concurrency, policy, onRetry });
  const deps: ListingDeps = {
    getPage: (input, signal) => requestUsersPage(pageSend, baseUrl, input, signal),
    scheduler,
  };
  const customerDeps = {
    getPage: (input: { pageIndex: number; pageSize: number; customerIds?: readonly string[] }, signal: AbortSignal) =>
      requestCustomersPage(pageSend, baseUrl, input, signal),
    scheduler,
  };

  return {
    baseUrl,
    api,
    async getUsersPage(input, callOptions = {}) {
      const valid = validateUsersPageInput(input);
      const signal = validateSignal(callOptions.signal);
      return retryCall(() => sendUsersPage(pageSend, baseUrl, valid, signal), {
        ...clock,
        policy,
        signal,
        what: `page ${valid.pageIndex}`,
        onRetry,
      });
    },
    listUsers: (input) => listUsers(deps, input),
    listUsersPages: (input) => listUsersPages(deps, input),
    getUsersByIds: (input) => getUsersByIds(deps, input),
    async getUser(input, callOptions = {}) {
      const valid = validateGetUserInput(input);
      const signal = validateSignal(callOptions.signal);
      return retryCall(() => requestUserDetail(pageSend, baseUrl, valid, signal), {
        ...clock,
        policy,
        signal,
        what: `user ${valid.userId}`,
        onRetry,
      });
    },
    listCustomers: (input) => listCustomers(customerDeps, input),
    listUsersAcrossTenants: (input) =>
      listUsersAcrossTenants(
        { listCustomers: (request) => listCustomers(customerDeps, request), listUsersPages: (request) => listUsersPages(deps, request) },
        input,
      ),
  };
}

export { DEFAULT_TIMEOUT_MS } from './options.js';
