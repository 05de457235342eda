// @avepoint-graph-kit/core: the typed client, its transport and auth layers, and what a caller
// needs to read its results and errors. The protocol's building blocks for hosts that bring their
// own HTTP are at @avepoint-graph-kit/core/protocol, the listing engine at /engine.

// Errors a call can throw
export {
  AvePointError,
  AvePointInputError,
  AvePointAuthError,
  AvePointApiError,
  AvePointConsistencyError,
  type AvePointErrorCode,
  type InconsistencyReport,
} from './protocol/index.js';

// What calls return, and the status codes in it
export {
  UserStatus,
  USER_STATUS_LABELS,
  userStatusLabel,
  statusLabels,
  hasStatus,
  withStatusLabels,
  simplifyUser,
  USER_FIELD_NAMES,
  JOB_STATUS_LABELS,
  MANAGEMENT_MODE_LABELS,
  type User,
  type UserStatusCode,
  type UserFieldName,
  type LabelledUser,
  type SimplifiedUser,
  type UserDetail,
  type UsersPage,
  type Customer,
  type Tenant,
  type JobStatusCode,
  type ManagementModeCode,
} from './protocol/index.js';

// Where and with which permission calls go, and the limits the input is checked against
export {
  ENVIRONMENTS,
  ENVIRONMENT_NAMES,
  USERS_READ_SCOPE,
  CUSTOMERS_READ_SCOPE,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  MAX_CONCURRENCY,
  DEFAULT_CONCURRENCY,
  MAX_IDS_PER_REQUEST,
  DEFAULT_MAX_PASSES,
  MAX_PASSES,
  DEFAULT_RETRY_POLICY,
  type Environment,
  type EnvironmentName,
  type Consistency,
  type RetryPolicy,
} from './protocol/index.js';
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
