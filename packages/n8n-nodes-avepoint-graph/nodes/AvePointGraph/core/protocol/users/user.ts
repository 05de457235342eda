// Generated from packages/core/src/protocol/users/user.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// A user as the client hands it out: the wire `User` with `status` always an array.
import type { components } from '../../generated/openapi.js';
import { AvePointApiError } from '../errors/avepoint-errors.js';
import { isRecord } from '../guards.js';
import { normalizeStatus, statusLabels, type UserStatusCode } from './user-status.js';

type WireUser = components['schemas']['User'];

export type User = Omit<WireUser, 'status'> & { status: UserStatusCode[] };

/** The fields people use: what the n8n node's Simplified output shows. */
export interface SimplifiedUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
  status: UserStatusCode[];
  statusLabels: string[];
}

/** The fields the batch endpoint documents for a user, in the order people read them. */
export const USER_FIELD_NAMES = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'firstName',
  'lastName',
  'employeeId',
  'jobTitle',
  'department',
  'company',
  'location',
  'countryOrRegion',
  'mobile',
  'isTestUser',
  'age',
  'startDate',
  'endDate',
  'status',
] as const;

export type UserFieldName = (typeof USER_FIELD_NAMES)[number];

/** Only the named fields (and always `id`), with `statusLabels` beside `status` when it is asked. */
export function pickUserFields(user: User, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = { id: user.id };
  const source = user as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (field === 'id') continue;
    picked[field] = source[field] ?? null;
    if (field === 'status') picked.statusLabels = statusLabels(user.status);
  }
  return picked;
}

const STRING_FIELDS = [
  'userPrincipalName',
  'mail',
  'displayName',
  'firstName',
  'lastName',
  'employeeId',
  'location',
  'company',
  'department',
  'mobile',
  'jobTitle',
  'startDate',
  'endDate',
  'countryOrRegion',
] as const;

/**
 * Keeps documented fields of the expected type and passes unknown fields through untouched
 * (AvePoint may add fields); throws only when the user has no usable `id`. `owned`: the object
 * may be changed in place (a body parsed for this call), which saves copying every user.
 */
export function normalizeUser(raw: unknown, where = 'data[]', owned = false): User {
  if (!isRecord(raw)) {
    throw new AvePointApiError('INVALID_RESPONSE', `The response is not the documented JSON: ${where} is not an object`, {
      status: 200,
      body: raw,
    });
  }
  const id = raw.id;
  if (typeof id !== 'string' || id === '') {
    throw new AvePointApiError('INVALID_RESPONSE', `The response is not the documented JSON: ${where}.id is missing`, {
      status: 200,
      body: raw,
    });
  }
  // A body parsed for this call is ours to change in place: a million-user export saves a copy a user.
  const user: Record<string, unknown> = owned ? raw : { ...raw };
  user.status = normalizeStatus(raw.status);
  for (const field of STRING_FIELDS) {
    const value = raw[field];
    if (value !== undefined && value !== null && typeof value !== 'string') user[field] = String(value);
  }
  if (raw.isTestUser !== undefined && raw.isTestUser !== null && typeof raw.isTestUser !== 'boolean') {
    user.isTestUser = raw.isTestUser === 'true' || raw.isTestUser === 1;
  }
  if (raw.age !== undefined && raw.age !== null && typeof raw.age !== 'number') {
    const age = Number(raw.age);
    user.age = Number.isFinite(age) ? age : null;
  }
  return user as User;
}

/** Every field of the user, with the labels of its status codes beside them. */
export type LabelledUser = User & { statusLabels: string[] };

/** A user (from the batch or in full), with the labels of its status codes beside them. */
export function withStatusLabels<T extends { status: readonly UserStatusCode[] }>(user: T): T & { statusLabels: string[] } {
  return { ...user, statusLabels: statusLabels(user.status) };
}

export function simplifyUser(user: User): SimplifiedUser {
  return {
    id: user.id,
    displayName: user.displayName ?? null,
    userPrincipalName: user.userPrincipalName ?? null,
    mail: user.mail ?? null,
    department: user.department ?? null,
    jobTitle: user.jobTitle ?? null,
    status: user.status,
    statusLabels: statusLabels(user.status),
  };
}
