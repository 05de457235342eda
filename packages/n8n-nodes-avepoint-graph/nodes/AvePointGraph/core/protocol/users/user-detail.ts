// Generated from packages/core/src/protocol/users/user-detail.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// One user in full (the one-user endpoint): its request, and the user as the client hands it out,
// with `status` and `alternateEmailAddress` always arrays whatever the service sends.
import type { components } from '../../generated/openapi.js';
import { isRecord } from '../guards.js';
import { invalidResponse, type ResponseContext } from '../pages.js';
import { normalizeStatus, type UserStatusCode } from './user-status.js';

export const USER_PATH = '/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/{userId}';

type WireUserDetail = components['schemas']['UserDetail'];

export type UserDetail = Omit<WireUserDetail, 'status' | 'alternateEmailAddress'> & {
  status: UserStatusCode[];
  /** The field table says string, the samples an array: always an array here. */
  alternateEmailAddress: string[];
};

export interface UserRequest {
  method: 'GET';
  path: string;
  headers: Record<string, string>;
}

export function buildUserRequest(input: { customerId: string; tenantId: string; userId: string }): UserRequest {
  const path = USER_PATH.replace('{customerId}', encodeURIComponent(input.customerId))
    .replace('{tenantId}', encodeURIComponent(input.tenantId))
    .replace('{userId}', encodeURIComponent(input.userId));
  return { method: 'GET', path, headers: { accept: 'application/json' } };
}

function emailList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return typeof raw === 'string' && raw.trim() !== '' ? [raw] : [];
}

/** The user of a 200 answer; unknown fields pass through (AvePoint may add some). */
export function normalizeUserDetail(body: unknown, ctx: ResponseContext = {}): UserDetail {
  if (!isRecord(body)) throw invalidResponse('the body is not a JSON object', ctx, body);
  if (typeof body.id !== 'string' || body.id === '') throw invalidResponse('"id" is missing', ctx, body);
  const user: Record<string, unknown> = ctx.owned ? body : { ...body };
  user.status = normalizeStatus(body.status);
  user.alternateEmailAddress = emailList(body.alternateEmailAddress);
  return user as UserDetail;
}
