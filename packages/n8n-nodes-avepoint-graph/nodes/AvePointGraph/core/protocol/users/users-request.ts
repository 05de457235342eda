// Generated from packages/core/src/protocol/users/users-request.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The HTTP request of one page, as plain data: any transport (fetch, n8n, z.request) can send it.
// Its query and body are typed from the spec's operation, so a change there breaks the build here.
import type { operations } from '../../generated/openapi.js';
import type { ValidUsersPageInput } from '../validate.js';

type Operation = operations['getUsersBatch'];

export const USERS_BATCH_PATH = '/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch';

export interface UsersBatchRequest {
  method: 'POST';
  /** Path with the IDs filled in and encoded. */
  path: string;
  query: Required<NonNullable<Operation['parameters']['query']>>;
  body: NonNullable<Operation['requestBody']>['content']['application/json'];
  headers: Record<string, string>;
}

export function usersBatchPath(customerId: string, tenantId: string): string {
  return USERS_BATCH_PATH.replace('{customerId}', encodeURIComponent(customerId)).replace('{tenantId}', encodeURIComponent(tenantId));
}

export function buildUsersBatchRequest(input: ValidUsersPageInput): UsersBatchRequest {
  return {
    method: 'POST',
    path: usersBatchPath(input.customerId, input.tenantId),
    // pageSize always explicit: AvePoint's documented default is 100 on one page and 50 on another.
    query: { pageIndex: input.pageIndex, pageSize: input.pageSize },
    body: input.userIds && input.userIds.length > 0 ? { userIds: input.userIds } : {},
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  };
}

export function buildUsersBatchUrl(baseUrl: string, request: Pick<UsersBatchRequest, 'path' | 'query'>): string {
  const query = `pageIndex=${request.query.pageIndex}&pageSize=${request.query.pageSize}`;
  return `${baseUrl.replace(/\/+$/, '')}${request.path}?${query}`;
}
