// Generated from packages/core/src/protocol/validate.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Input rules, checked before any request is sent. Each failure names the field and the rule.
import { AvePointInputError } from './errors.js';
import { describeValue } from './guards.js';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_PAGE_SIZE = 100;
/** Sent when the caller gives none: AvePoint documents 100 and 50 as the default, so never rely on either. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_CONCURRENCY = 16;
export const DEFAULT_CONCURRENCY = 4;

export function validateGuid(field: string, value: unknown): string {
  if (typeof value !== 'string' || !GUID_PATTERN.test(value.trim())) {
    throw new AvePointInputError(field, 'must be a GUID such as 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07', describeValue(value));
  }
  return value.trim();
}

function validateInteger(field: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new AvePointInputError(field, `must be ${range}`, describeValue(value));
  }
  return value;
}

/**
 * Accepts an array of IDs or one string of IDs separated by commas, semicolons, spaces or new
 * lines (what people paste and what n8n/Zapier fields hold). Trims and drops empty entries.
 */
export function parseUserIdList(value: unknown, field = 'userIds'): string[] {
  if (value === undefined || value === null || value === '') return [];
  const parts = typeof value === 'string' ? value.split(/[\s,;]+/) : Array.isArray(value) ? value : undefined;
  if (!parts) throw new AvePointInputError(field, 'must be a list of user IDs or a comma-separated string', describeValue(value));
  const ids: string[] = [];
  parts.forEach((part, i) => {
    if (typeof part !== 'string') throw new AvePointInputError(`${field}[${i}]`, 'must be a string GUID', describeValue(part));
    const id = part.trim();
    if (id !== '') ids.push(id);
  });
  return ids;
}

function validateUserIds(field: string, value: unknown, max: number): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new AvePointInputError(field, 'must be an array of GUIDs', describeValue(value));
  if (value.length > max) throw new AvePointInputError(field, `must hold at most ${max} IDs per request`, `${value.length}`);
  return value.map((id, i) => validateGuid(`${field}[${i}]`, id));
}

function requireRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new AvePointInputError('input', 'must be an object', describeValue(value));
  return value as Record<string, unknown>;
}

export interface UsersPageInput {
  customerId: string;
  tenantId: string;
  userIds?: readonly string[] | undefined;
  pageIndex?: number | undefined;
  pageSize?: number | undefined;
}

export interface ValidUsersPageInput {
  customerId: string;
  tenantId: string;
  /** undefined or empty: every user of the tenant. */
  userIds: string[] | undefined;
  pageIndex: number;
  pageSize: number;
}

export function validateUsersPageInput(input: UsersPageInput): ValidUsersPageInput {
  const i = requireRecord(input);
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userIds: validateUserIds('userIds', i.userIds, MAX_PAGE_SIZE),
    pageIndex: validateInteger('pageIndex', i.pageIndex, 1, Number.MAX_SAFE_INTEGER, 1),
    pageSize: validateInteger('pageSize', i.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  };
}

export interface ListUsersInput {
  customerId: string;
  tenantId: string;
  userIds?: readonly string[] | undefined;
  pageSize?: number | undefined;
  concurrency?: number | undefined;
  limit?: number | undefined;
}

export interface ValidListUsersInput {
  customerId: string;
  tenantId: string;
  userIds: string[] | undefined;
  pageSize: number;
  concurrency: number;
  limit: number | undefined;
}

export function validateListUsersInput(input: ListUsersInput): ValidListUsersInput {
  const i = requireRecord(input);
  const limit = i.limit === undefined || i.limit === null ? undefined : validateInteger('limit', i.limit, 1, Number.MAX_SAFE_INTEGER, 1);
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userIds: validateUserIds('userIds', i.userIds, MAX_PAGE_SIZE),
    pageSize: validateInteger('pageSize', i.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    concurrency: validateInteger('concurrency', i.concurrency, 1, MAX_CONCURRENCY, DEFAULT_CONCURRENCY),
    limit,
  };
}

export interface UsersByIdsInput {
  customerId: string;
  tenantId: string;
  userIds: readonly string[];
}

/** Any number of IDs (they are chunked later); each must be a GUID. */
export function validateUsersByIdsInput(input: UsersByIdsInput): { customerId: string; tenantId: string; userIds: string[] } {
  const i = requireRecord(input);
  if (!Array.isArray(i.userIds)) throw new AvePointInputError('userIds', 'must be an array of GUIDs', describeValue(i.userIds));
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userIds: i.userIds.map((id, n) => validateGuid(`userIds[${n}]`, id)),
  };
}
