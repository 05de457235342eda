// Generated from packages/core/src/protocol/index.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// @avepoint-graph-kit/core/protocol: every rule of the API as pure functions and plain data.
// No network, no timers, no process or globalThis: the n8n node compiles a copy of this layer
// (scripts/copy-core-protocol.mjs) and n8n's community-node lint checks that copy.
export * from './errors.js';
export * from './environments.js';
export * from './validate.js';
export * from './request.js';
export * from './user-status.js';
export * from './dates.js';
export * from './user.js';
export * from './page.js';
export * from './customer.js';
export * from './user-detail.js';
export * from './directory.js';
export * from './paging.js';
export * from './chunk.js';
export * from './retry.js';
export * from './api-error.js';
export * from './token.js';
export * from './client-assertion.js';
export * from './token-form.js';
export * from './redact.js';
export * from './transport-failure.js';
export { isRecord } from './guards.js';
