// Generated from packages/core/src/protocol/guards.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Small type guards shared by the normalizers and validators.

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isNonNegativeInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A count a server can honestly send: an integer that arithmetic on it keeps exact. */
export const isNonNegativeSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

/** AbortSignal by shape, so any realm's (and a polyfill's) signal passes. */
export const isAbortSignal = (value: unknown): value is AbortSignal =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { aborted?: unknown }).aborted === 'boolean' &&
  typeof (value as { addEventListener?: unknown }).addEventListener === 'function' &&
  typeof (value as { removeEventListener?: unknown }).removeEventListener === 'function';

const MAX_ECHOED_CHARS = 60;

/**
 * Short, safe description of a received value for error messages (never a whole object). A long
 * string is described, never cut: a cut secret would slip past redaction of the whole one.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > MAX_ECHOED_CHARS ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
