// Values of the CLI's fault flags that are more than an integer: byte sizes (`512M`, `1G`),
// churn specs (`inserts=2,deletes=1,requests=40`), status lists and totalCount lies. Each
// refusal names its flag, as the other flags' do.
import type { Churn } from '../data/churn.js';
import { isFaultStatus } from '../faults/rule-checks.js';
import type { FaultOutcome, FaultRule, TotalCountLie } from '../faults/types.js';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Bytes from `N`, `NK`, `NM`, `NG` (binary: 1K = 1024; a trailing `B` or `iB` is accepted). */
export function parseSize(flag: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(raw.trim());
  if (!match) throw new Error(`--${flag} must be a size such as 3000000, 512M or 1G`);
  const bytes = Math.round(Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1));
  if (!Number.isSafeInteger(bytes)) throw new Error(`--${flag} is too large`);
  return bytes;
}

/** `500,502,503,reset`: the outcomes of --fail-random. */
export function parseOutcomes(flag: string, raw: string): FaultOutcome[] {
  const list = raw.split(',').map((s) => s.trim());
  return list.map((item) => {
    if (item === 'reset') return item;
    const status = /^\d{3}$/.test(item) ? Number(item) : NaN;
    if (!isFaultStatus(status))
      throw new Error(`--${flag} takes a comma-separated list of HTTP error statuses (400 to 599) and reset, not ${JSON.stringify(item)}`);
    return status;
  });
}

/** `+N` adds N to the real count, `+N/request` adds N more each time, anything else is a JSON value sent as is. */
export function parseTotalCount(raw: string): TotalCountLie {
  const shift = /^\+(\d+(?:\.\d+)?)(\/req(?:uest)?)?$/.exec(raw.trim());
  if (shift) return shift[2] ? { addPerRequest: Number(shift[1]) } : { add: Number(shift[1]) };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`--total-count must be +N, +N/request or a JSON value (1e11, -1, 1.5, '"12"', null), not ${JSON.stringify(raw)}`);
  }
  if (value !== null && typeof value !== 'number' && typeof value !== 'string')
    throw new Error('--total-count must be a number, a string or null');
  return value;
}

const CHURN_KEYS = ['inserts', 'deletes', 'moves', 'scale', 'at', 'requests', 'every', 'tenant'] as const;

/** `inserts=2,deletes=1,moves=1,requests=40,every=1,tenant=ID,at=start,scale=fractionOfTenant`. */
export function parseChurn(raw: string): FaultRule {
  const step: Churn = {};
  const match: NonNullable<FaultRule['match']> = { path: 'users' };
  for (const part of raw.split(',')) {
    const [key, value, extra] = part.split('=').map((s) => s.trim());
    if (key === undefined || value === undefined || extra !== undefined || !(CHURN_KEYS as readonly string[]).includes(key)) {
      throw new Error(
        `--churn takes key=value pairs of ${CHURN_KEYS.join(', ')}, e.g. inserts=2,deletes=1,requests=40; not ${JSON.stringify(part)}`,
      );
    }
    const number = (): number => {
      if (!/^\d+(?:\.\d+)?$/.test(value)) throw new Error(`--churn ${key} must be a number`);
      return Number(value);
    };
    if (key === 'inserts' || key === 'deletes' || key === 'moves') step[key] = number();
    else if (key === 'requests') match.first = number();
    else if (key === 'every') match.nth = number();
    else if (key === 'tenant') match.tenantId = value;
    else if (key === 'scale') step.scale = value as NonNullable<Churn['scale']>;
    else step.at = value as NonNullable<Churn['at']>;
  }
  // The values are checked with the rule when the sandbox starts (a RangeError naming the field).
  return { match, churn: step };
}
