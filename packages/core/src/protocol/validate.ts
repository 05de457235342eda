// Input rules, checked before any request is sent. Each failure names the field and the rule.
import { AvePointInputError } from './errors/avepoint-errors.js';
import { describeValue, isAbortSignal } from './guards.js';
import { statusCodeOf, USER_STATUS_NAMES, type UserStatusCode } from './users/user-status.js';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_PAGE_SIZE = 100;
/** Sent when the caller gives none: AvePoint documents 100 and 50 as the default, so never rely on either. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_CONCURRENCY = 16;
export const DEFAULT_CONCURRENCY = 4;
/** Passes a listing may read when the tenant changes under it: the first and two verification passes. */
export const DEFAULT_MAX_PASSES = 3;
export const MAX_PASSES = 10;

export type Consistency = 'lenient' | 'strict';
export const CONSISTENCY_MODES: readonly Consistency[] = Object.freeze(['lenient', 'strict']);

/** GUIDs compare case-insensitively: the same user may be asked for in either case. */
export const idKey = (id: string): string => id.trim().toLowerCase();

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

function optionalInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return value === undefined || value === null ? undefined : validateInteger(field, value, min, max, min);
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
  // An index loop, not forEach: a sparse array's holes must fail here, not travel as null.
  for (let i = 0; i < parts.length; i++) {
    const part: unknown = parts[i];
    if (typeof part !== 'string') throw new AvePointInputError(`${field}[${i}]`, 'must be a string GUID', describeValue(part));
    const id = part.trim();
    if (id !== '') ids.push(id);
  }
  return ids;
}

/** Each entry a GUID; IDs that differ only in case count once (the first spelling is kept). */
export function validateUserIdArray(field: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new AvePointInputError(field, 'must be an array of GUIDs', describeValue(value));
  const seen = new Set<string>();
  const ids: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const id = validateGuid(`${field}[${i}]`, value[i]);
    const key = idKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    ids.push(id);
  }
  return ids;
}

function validateUserIds(field: string, value: unknown, max: number): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ids = validateUserIdArray(field, value);
  if (ids.length > max) throw new AvePointInputError(field, `must hold at most ${max} different IDs per request`, `${ids.length}`);
  return ids;
}

function requireRecord(value: unknown, field = 'input'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AvePointInputError(field, 'must be an object', describeValue(value));
  return value as Record<string, unknown>;
}

export function validateSignal(value: unknown, field = 'signal'): AbortSignal | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isAbortSignal(value))
    throw new AvePointInputError(field, 'must be an AbortSignal (for example AbortSignal.timeout(60_000))', describeValue(value));
  return value;
}

export function validateCallback<F>(field: string, value: unknown): F | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'function') throw new AvePointInputError(field, 'must be a function', describeValue(value));
  return value as F;
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

/** How a listing reads, whatever it lists (users, users by ID, customers). */
export interface ListingInput {
  pageSize?: number | undefined;
  concurrency?: number | undefined;
  limit?: number | undefined;
  /** The first page to read: where a failed listing said to resume (with the same pageSize). */
  resumeFrom?: number | undefined;
  /** Passes at most, the first one included, while the tenant keeps changing (default 3). */
  maxPasses?: number | undefined;
  /** 'strict': throw AvePointConsistencyError when no pass saw the tenant unchanged (default 'lenient'). */
  consistency?: Consistency | undefined;
}

export interface ValidListingInput {
  pageSize: number;
  concurrency: number;
  limit: number | undefined;
  resumeFrom: number;
  maxPasses: number;
  consistency: Consistency;
}

export function validateListingInput(input: ListingInput): ValidListingInput {
  const i = requireRecord(input);
  const consistency = i.consistency ?? 'lenient';
  if (!(CONSISTENCY_MODES as readonly unknown[]).includes(consistency)) {
    throw new AvePointInputError('consistency', `must be one of ${CONSISTENCY_MODES.join(', ')}`, describeValue(consistency));
  }
  return {
    pageSize: validateInteger('pageSize', i.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    concurrency: validateInteger('concurrency', i.concurrency, 1, MAX_CONCURRENCY, DEFAULT_CONCURRENCY),
    limit: optionalInteger('limit', i.limit, 1),
    resumeFrom: validateInteger('resumeFrom', i.resumeFrom, 1, Number.MAX_SAFE_INTEGER, 1),
    maxPasses: validateInteger('maxPasses', i.maxPasses, 1, MAX_PASSES, DEFAULT_MAX_PASSES),
    consistency: consistency as Consistency,
  };
}

export interface ListUsersInput extends ListingInput {
  customerId: string;
  tenantId: string;
  userIds?: readonly string[] | undefined;
}

export interface ValidListUsersInput extends ValidListingInput {
  customerId: string;
  tenantId: string;
  userIds: string[] | undefined;
}

export function validateListUsersInput(input: ListUsersInput): ValidListUsersInput {
  const i = requireRecord(input);
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userIds: validateUserIds('userIds', i.userIds, MAX_PAGE_SIZE),
    ...validateListingInput(input),
  };
}

export interface UsersByIdsInput {
  customerId: string;
  tenantId: string;
  userIds: readonly string[];
  concurrency?: number | undefined;
}

/** Any number of IDs (they are chunked later); each must be a GUID; case-only repeats count once. */
export function validateUsersByIdsInput(input: UsersByIdsInput): {
  customerId: string;
  tenantId: string;
  userIds: string[];
  concurrency: number;
} {
  const i = requireRecord(input);
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userIds: validateUserIdArray('userIds', i.userIds),
    concurrency: validateInteger('concurrency', i.concurrency, 1, MAX_CONCURRENCY, DEFAULT_CONCURRENCY),
  };
}

/**
 * A status filter: codes, names (`mfaDisabled`, `mfa-disabled`) or labels, as a list or one string
 * separated by commas. Empty or absent: no filter. Anything it cannot name fails here, listing the names.
 */
export function validateStatusFilter(value: unknown, field = 'status'): UserStatusCode[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  const codes: UserStatusCode[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part: unknown = parts[i];
    if (typeof part === 'string' && part.trim() === '') continue;
    const code = statusCodeOf(part);
    if (code === undefined) {
      throw new AvePointInputError(
        field,
        `must name user statuses: ${Object.keys(USER_STATUS_NAMES).join(', ')} (or their codes 0 to 8)`,
        describeValue(part),
      );
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes.length > 0 ? codes : undefined;
}
