// Generated from packages/core/src/protocol/page.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The 200 response: `{ data, metadata }` into a flat, checked page.
import { AvePointApiError } from './errors.js';
import { isNonNegativeInteger, isNonNegativeSafeInteger, isRecord } from './guards.js';
import { normalizeUser, type User } from './user.js';

export interface UsersPage {
  users: User[];
  pageIndex: number;
  pageSize: number;
  totalCount: number;
}

const describeCount = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 30)) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

export interface ResponseContext {
  status?: number;
  requestId?: string | undefined;
  /** The body was parsed for this call alone: its objects may be changed in place. */
  owned?: boolean;
  /** What was asked, used when the service omits a metadata field. */
  requested?: { pageIndex: number; pageSize: number };
}

/** Throws AvePointApiError (INVALID_RESPONSE) for anything that is not the documented JSON, never a TypeError. */
export function normalizeUsersPage(body: unknown, ctx: ResponseContext = {}): UsersPage {
  const invalid = (why: string) =>
    new AvePointApiError('INVALID_RESPONSE', `The response is not the documented JSON: ${why}`, {
      status: ctx.status ?? 200,
      requestId: ctx.requestId,
      body,
    });
  if (!isRecord(body)) throw invalid('the body is not a JSON object');
  // .NET services often send null for an empty list; anything else that is not an array is wrong.
  const data: unknown[] | undefined = body.data === null ? [] : Array.isArray(body.data) ? body.data : undefined;
  if (!data) throw invalid('"data" is not an array');
  const metadata = isRecord(body.metadata) ? body.metadata : undefined;
  if (!metadata) throw invalid('"metadata" is missing');
  const { totalCount } = metadata;
  // A count past 2^53 cannot be an honest number of users, and paging arithmetic on it goes wrong.
  if (!isNonNegativeSafeInteger(totalCount)) throw invalid(`"metadata.totalCount" is not a non-negative safe integer (${describeCount(totalCount)})`);
  const pageIndex = isNonNegativeInteger(metadata.pageIndex) && metadata.pageIndex >= 1 ? metadata.pageIndex : ctx.requested?.pageIndex;
  const pageSize = isNonNegativeInteger(metadata.pageSize) && metadata.pageSize >= 1 ? metadata.pageSize : ctx.requested?.pageSize;
  if (pageIndex === undefined) throw invalid('"metadata.pageIndex" is not a positive integer');
  if (pageSize === undefined) throw invalid('"metadata.pageSize" is not a positive integer');
  const users = data.map((raw, i) => {
    try {
      return normalizeUser(raw, `data[${i}]`, ctx.owned === true);
    } catch (error) {
      throw invalid((error as Error).message.replace(/^The response is not the documented JSON: /, ''));
    }
  });
  return { users, pageIndex, pageSize, totalCount };
}
