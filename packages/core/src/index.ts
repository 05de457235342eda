// @avepoint-graph-kit/core: the typed client, its auth layers and every protocol rule.
export * from './protocol/index.js';
export type { paths, components, operations } from './generated/openapi.js';

export { createUsersClient, DEFAULT_TIMEOUT_MS } from './client/create-users-client.js';
export type { UsersClient, CallOptions } from './client/create-users-client.js';
export type { UsersClientOptions, RetryOptions, ClientRetryEvent } from './client/options.js';
export type { ListUsersRequest, ListedUsersPage, PageProgress, UsersByIdsRequest, UsersByIdsResult } from './client/listings.js';
export type { UsersApi } from './client/openapi-api.js';
export type { ListCustomersRequest } from './client/customers.js';
export type { GetUserRequest } from './client/user-detail.js';
export type { TenantUser, TenantFailure, UsersAcrossTenantsRequest } from './client/across-tenants.js';
export { DEFAULT_TENANT_CONCURRENCY } from './client/across-tenants.js';

// The pipeline's pieces, for callers who build their own transport.
export { compose, withHeader } from './transport/http.js';
export type { FetchLike, Logger, PreparedRequest, RawResponse, Send, SendMiddleware } from './transport/http.js';
export { fetchSend, boundedSend, DEFAULT_MAX_RESPONSE_BYTES } from './transport/fetch-send.js';
export { withRetry } from './transport/with-retry.js';
export type { RetryLayerOptions } from './transport/with-retry.js';
export { withAuth } from './auth/with-auth.js';
export { withTimeout } from './transport/with-timeout.js';
export { withUserAgent, CORE_VERSION } from './transport/user-agent.js';
export { sleep } from './transport/sleep.js';
export { abortable } from './engine/index.js';
export type { Sleep, RetryEvent } from './engine/index.js';

export { createTokenProvider } from './auth/credentials.js';
export type {
  Credentials,
  ClientSecretCredentials,
  CertificateCredentials,
  AccessTokenCredentials,
  TokenProviderContext,
} from './auth/credentials.js';
export { createTokenCache } from './auth/token-cache.js';
export type { TokenCache, TokenCacheOptions, TokenProvider } from './auth/token-cache.js';
