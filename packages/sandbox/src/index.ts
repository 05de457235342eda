export { startSandbox, TOKEN_PATH, DISCOVERY_PATH } from './server.js';
export { IN_PROCESS_ORIGIN } from './http/in-process-fetch.js';
export type { SandboxFetch } from './http/in-process-fetch.js';
export type { Sandbox, SandboxOptions, SandboxCustomer, SandboxTenant, SandboxStats } from './options.js';
export type {
  FaultRule,
  FaultMatch,
  FaultPath,
  FaultStatus,
  FaultOutcome,
  BodyEncoding,
  HugeBody,
  CompressionBomb,
  CorruptBody,
  TruncateBody,
  TotalCountLie,
  RateLimit,
} from './faults/types.js';
export type { Churn } from './data/churn.js';
export { MAX_CHURN_OPERATIONS } from './data/churn.js';
export type { TenantSnapshot, ChurnChanges } from './data/tenant-snapshot.js';
export type { CertificateCredential } from './auth/clients.js';
export { USERS_READ_SCOPE, CUSTOMERS_READ_SCOPE } from './auth/clients.js';
export type { SandboxUser } from './data/users.js';
export type { SandboxUserDetail } from './data/user-detail.js';
export { AGE_REFERENCE_DATE } from './data/user-detail.js';
export type { SandboxCustomerRecord } from './data/customers.js';
export type { CustomerLayout, TenantLayout, JobStatusCode, ManagementModeCode } from './data/tenancy.js';
export { NOT_SET_DATE } from './data/vocabulary.js';
export type { RecordedRequest } from './recorder.js';
