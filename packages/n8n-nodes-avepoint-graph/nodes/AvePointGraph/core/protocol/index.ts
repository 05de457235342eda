// Generated from packages/core/src/protocol/index.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// @avepoint-graph-kit/core/protocol: every rule of the API as pure functions and plain data, for
// hosts that bring their own HTTP (the n8n node, the Zapier app). No network, no timers, no process
// or globalThis: the n8n node compiles a copy of this layer (scripts/copy-core-protocol.mjs) and
// n8n's community-node lint checks that copy.
//
// The list is explicit: what a host needs to build a request, read an answer and report an error.
// Helpers behind those (status classes, backoff arithmetic, path templates, JWT pieces) stay
// inside; the README's "Public surface" lists these names and a test holds the two together.

// Errors
export {
  AvePointError,
  AvePointInputError,
  AvePointAuthError,
  AvePointApiError,
  AvePointConsistencyError,
  fieldPath,
  DEFAULT_MAX_RESPONSE_BYTES,
  ERROR_BODY_READ_BYTES,
  type AvePointErrorCode,
  type InconsistencyReport,
} from './errors/avepoint-errors.js';
export { apiErrorFromResponse, requestIdOf, type HeaderSource, type Resource } from './errors/from-response.js';
export { transportErrorOf, responseTooLarge } from './errors/from-transport.js';
export { redact } from './errors/redact.js';

// Environments and permissions
export {
  ENVIRONMENTS,
  ENVIRONMENT_NAMES,
  CUSTOM_ENVIRONMENT,
  USERS_READ_SCOPE,
  resolveEndpoints,
  resolveEnvironmentChoice,
  type Environment,
  type EnvironmentName,
  type EnvironmentChoice,
} from './environments.js';
export { CUSTOMERS_READ_SCOPE } from './directory/customers.js';

// Tokens
export { buildTokenForm, type AppCredential } from './auth/token-request.js';
export { parseTokenResponse, type AccessToken } from './auth/token-response.js';

// Input rules
export {
  GUID_PATTERN,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  MAX_CONCURRENCY,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_PASSES,
  MAX_PASSES,
  idKey,
  validateGuid,
  parseUserIdList,
  validateUsersPageInput,
  validateListingInput,
  validateListUsersInput,
  validateUsersByIdsInput,
  validateStatusFilter,
  type Consistency,
  type UsersPageInput,
  type ValidUsersPageInput,
  type ListingInput,
  type ValidListingInput,
  type ListUsersInput,
  type ValidListUsersInput,
  type UsersByIdsInput,
} from './validate.js';

// Users
export { buildUsersBatchRequest, buildUsersBatchUrl, type UsersBatchRequest } from './users/users-request.js';
export { MAX_IDS_PER_REQUEST, planIdChunks, matchRequestedIds } from './users/id-chunks.js';
export {
  USER_FIELD_NAMES,
  pickUserFields,
  simplifyUser,
  withStatusLabels,
  type User,
  type UserFieldName,
  type SimplifiedUser,
  type LabelledUser,
} from './users/user.js';
export {
  UserStatus,
  USER_STATUS_LABELS,
  USER_STATUS_NAMES,
  userStatusLabel,
  statusLabels,
  statusCodeOf,
  hasStatus,
  type UserStatusCode,
} from './users/user-status.js';
export { buildUserRequest, normalizeUserDetail, type UserDetail, type UserRequest } from './users/user-detail.js';

// Pages
export { normalizeUsersPage, pageCount, effectivePageSize, type UsersPage, type ResponseContext } from './pages.js';

// The partner's customers and their tenants
export {
  CUSTOMERS_BATCH_PATH,
  DEFAULT_CUSTOMERS_PAGE_SIZE,
  JOB_STATUS_LABELS,
  MANAGEMENT_MODE_LABELS,
  buildCustomersBatchRequest,
  normalizeCustomersPage,
  type Customer,
  type Tenant,
  type JobStatusCode,
  type ManagementModeCode,
  type CustomersBatchRequest,
} from './directory/customers.js';
export { resolveCustomer, resolveTenant, type TenantOfCustomer } from './directory/resolve-names.js';

// Retries
export {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  retryHintOf,
  type RetryPolicy,
  type RetryHint,
  type RetryDecision,
  type RetryInput,
} from './retry.js';
