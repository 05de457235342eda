export { startSandbox, TOKEN_PATH, DISCOVERY_PATH } from './server.js';
export type { Sandbox, SandboxOptions, SandboxCustomer, SandboxTenant, SandboxStats } from './options.js';
export type { FaultRule, FaultMatch, FaultPath, RateLimit } from './faults/types.js';
export type { CertificateCredential } from './auth/clients.js';
export { USERS_READ_SCOPE } from './auth/clients.js';
export type { SandboxUser } from './data/users.js';
export type { CustomerLayout, TenantLayout } from './data/tenancy.js';
export { NOT_SET_DATE } from './data/vocabulary.js';
export type { RecordedRequest } from './recorder.js';
