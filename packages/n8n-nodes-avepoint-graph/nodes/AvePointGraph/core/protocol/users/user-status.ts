// Generated from packages/core/src/protocol/users/user-status.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The `status` codes of a user account, their names and labels (spec: UserStatus, x-enum-*).
import type { components } from '../../generated/openapi.js';

export type UserStatusCode = components['schemas']['UserStatus'];

export const UserStatus = Object.freeze({
  MfaDisabled: 0,
  SignInBlocked: 1,
  PasswordExpired: 2,
  HighRisk: 3,
  MediumRisk: 4,
  Compliance: 5,
  Inactive: 6,
  PendingDeletion: 7,
  TestUser: 8,
} as const satisfies Record<string, UserStatusCode>);

export const USER_STATUS_LABELS: Readonly<Record<UserStatusCode, string>> = Object.freeze({
  0: 'MFA disabled',
  1: 'Sign-in blocked',
  2: 'Password expired',
  3: 'High risk',
  4: 'Medium risk',
  5: 'Compliance',
  6: 'Inactive',
  7: 'Pending deletion',
  8: 'Test user',
});

export const isKnownUserStatus = (code: unknown): code is UserStatusCode =>
  typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= 8;

/** Label of one code; a code AvePoint adds later still gets a readable label rather than a crash. */
export function userStatusLabel(code: number): string {
  return isKnownUserStatus(code) ? USER_STATUS_LABELS[code] : `Unknown status (${code})`;
}

/**
 * The documentation types `status` as an integer and shows an array in every sample: accept
 * both, and null/absent as "no status". Non-integers are dropped rather than invented.
 */
const isStatusCode = (v: unknown): v is UserStatusCode => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function normalizeStatus(raw: unknown): UserStatusCode[] {
  // The usual case, an array of codes, is kept as it came: no new array for every user of an export.
  if (Array.isArray(raw)) return raw.every(isStatusCode) ? (raw as UserStatusCode[]) : raw.filter(isStatusCode);
  return raw === undefined || raw === null || !isStatusCode(raw) ? [] : [raw];
}

/** Labels of a user's `status`, in the order given. */
export function statusLabels(status: unknown): string[] {
  return normalizeStatus(status).map(userStatusLabel);
}

/** The codes by name, as people and flags say them (camelCase; the CLI also takes kebab-case). */
export const USER_STATUS_NAMES: Readonly<Record<string, UserStatusCode>> = Object.freeze({
  mfaDisabled: 0,
  signInBlocked: 1,
  passwordExpired: 2,
  highRisk: 3,
  mediumRisk: 4,
  compliance: 5,
  inactive: 6,
  pendingDeletion: 7,
  testUser: 8,
});

const byFoldedName = new Map<string, UserStatusCode>(
  [
    ...Object.entries(USER_STATUS_NAMES),
    ...Object.entries(USER_STATUS_LABELS).map(([codeText, label]) => [label, Number(codeText) as UserStatusCode] as const),
  ].map(([name, code]) => [name.toLowerCase().replace(/[\s_-]+/g, ''), code]),
);

/**
 * A status by code (0..8, as a number or a digit string), name (`mfaDisabled`, `mfa-disabled`) or
 * label (`MFA disabled`); undefined when it names none.
 */
export function statusCodeOf(value: unknown): UserStatusCode | undefined {
  if (isKnownUserStatus(value)) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d$/.test(text)) return isKnownUserStatus(Number(text)) ? (Number(text) as UserStatusCode) : undefined;
  return byFoldedName.get(text.toLowerCase().replace(/[\s_-]+/g, ''));
}

/** Whether the user has any of the statuses (codes, names or labels; see statusCodeOf). */
export function hasStatus(user: { status?: unknown }, statuses: readonly (string | number)[]): boolean {
  const wanted = new Set(statuses.map(statusCodeOf).filter((c): c is UserStatusCode => c !== undefined));
  return normalizeStatus(user.status).some((code) => wanted.has(code));
}
