// @avepoint-graph-kit/core: the typed client, its auth layers and every protocol rule.
export * from './protocol/index.js';
export type { paths, components, operations } from './generated/openapi.js';

export { createUsersClient, DEFAULT_TIMEOUT_MS } from './client/create-users-client.js';
export type { UsersClient, CallOptions, ListUsersRequest } from './client/create-users-client.js';
export type { UsersClientOptions, RetryOptions } from './client/options.js';
export type { UsersByIdsRequest, UsersByIdsResult } from './client/get-users-by-ids.js';
export type { PageProgress } from './client/list-users.js';
export type { UsersApi } from './client/get-users-page.js';

// The pipeline's pieces, for callers who build their own transport.
export { compose, withHeader } from './client/send.js';
export type { FetchLike, Logger, PreparedRequest, Send, SendMiddleware } from './client/send.js';
export { fetchTransport, asFetch } from './client/transport.js';
export { withRetry } from './client/with-retry.js';
export type { RetryEvent, RetryLayerOptions } from './client/with-retry.js';
export { withAuth } from './client/with-auth.js';
export { withTimeout } from './client/with-timeout.js';
export { withUserAgent } from './client/with-user-agent.js';
export { mapOrdered } from './client/map-ordered.js';
export { sleep } from './client/sleep.js';
export { abortable } from './auth/abortable.js';
export type { Sleep } from './client/sleep.js';
export { CORE_VERSION } from './client/user-agent.js';

export { createTokenProvider } from './auth/credentials.js';
export type {
  Credentials,
  ClientSecretCredentials,
  CertificateCredentials,
  AccessTokenCredentials,
  TokenProviderContext,
} from './auth/credentials.js';
export { createTokenCache } from './auth/token-cache.js';
export type { TokenCache, TokenCacheOptions } from './auth/token-cache.js';
export type { TokenProvider } from './auth/token-provider.js';
