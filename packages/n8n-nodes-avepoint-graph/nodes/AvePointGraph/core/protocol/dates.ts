// Generated from packages/core/src/protocol/dates.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// startDate / endDate: ISO 8601 strings where the epoch means "not set" (facts.md).

export const NOT_SET_DATE = '1970-01-01T00:00:00Z';

/** The date, or null when it is absent, "not set" (the epoch, in any spelling) or unparseable. */
export function parseUserDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms === 0) return null;
  return new Date(ms);
}
