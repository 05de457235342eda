// Pages of every batch endpoint of the family: the 200 response `{ data, metadata }` into a flat,
// checked page (users, customers), and the arithmetic of paging (how many pages a count needs, how
// many items a page should hold, the page size a service really serves).
import { AvePointApiError } from './errors/avepoint-errors.js';
import { isNonNegativeInteger, isNonNegativeSafeInteger, isRecord } from './guards.js';
import { normalizeUser, type User } from './users/user.js';

export interface Page<T> {
  items: T[];
  pageIndex: number;
  pageSize: number;
  totalCount: number;
}

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

/** The error for a body that is not the documented JSON. */
export function invalidResponse(why: string, ctx: ResponseContext, body?: unknown): AvePointApiError {
  return new AvePointApiError('INVALID_RESPONSE', `The response is not the documented JSON: ${why}`, {
    status: ctx.status ?? 200,
    requestId: ctx.requestId,
    body,
  });
}

/**
 * Checks the envelope and normalizes each item with `item` (which throws INVALID_RESPONSE naming
 * its place, e.g. `data[3].id is missing`). Never a TypeError, whatever the body.
 */
export function normalizePage<T>(body: unknown, ctx: ResponseContext, item: (raw: unknown, where: string) => T): Page<T> {
  const invalid = (why: string) => invalidResponse(why, ctx, body);
  if (!isRecord(body)) throw invalid('the body is not a JSON object');
  // .NET services often send null for an empty list; anything else that is not an array is wrong.
  const data: unknown[] | undefined = body.data === null ? [] : Array.isArray(body.data) ? body.data : undefined;
  if (!data) throw invalid('"data" is not an array');
  const metadata = isRecord(body.metadata) ? body.metadata : undefined;
  if (!metadata) throw invalid('"metadata" is missing');
  const { totalCount } = metadata;
  // A count past 2^53 cannot be an honest number of items, and paging arithmetic on it goes wrong.
  if (!isNonNegativeSafeInteger(totalCount))
    throw invalid(`"metadata.totalCount" is not a non-negative safe integer (${describeCount(totalCount)})`);
  const pageIndex = isNonNegativeInteger(metadata.pageIndex) && metadata.pageIndex >= 1 ? metadata.pageIndex : ctx.requested?.pageIndex;
  const pageSize = isNonNegativeInteger(metadata.pageSize) && metadata.pageSize >= 1 ? metadata.pageSize : ctx.requested?.pageSize;
  if (pageIndex === undefined) throw invalid('"metadata.pageIndex" is not a positive integer');
  if (pageSize === undefined) throw invalid('"metadata.pageSize" is not a positive integer');
  const items = data.map((raw, i) => {
    try {
      return item(raw, `data[${i}]`);
    } catch (error) {
      throw invalid((error as Error).message.replace(/^The response is not the documented JSON: /, ''));
    }
  });
  return { items, pageIndex, pageSize, totalCount };
}

export function normalizeUsersPage(body: unknown, ctx: ResponseContext = {}): UsersPage {
  const page = normalizePage(body, ctx, (raw, where) => normalizeUser(raw, where, ctx.owned === true));
  return { users: page.items, pageIndex: page.pageIndex, pageSize: page.pageSize, totalCount: page.totalCount };
}

export function pageCount(totalCount: number, pageSize: number): number {
  if (totalCount <= 0) return 0;
  return Math.ceil(totalCount / pageSize);
}

/** The items page `pageIndex` holds when `totalCount` items are paged by `pageSize`. */
export function itemsDueOnPage(totalCount: number, pageSize: number, pageIndex: number): number {
  return Math.max(0, Math.min(pageSize, totalCount - (pageIndex - 1) * pageSize));
}

/**
 * The page size the service really used, read off a page. AvePoint documents 100 as the default on
 * one page and 50 (maximum 100) on another, so a service may serve fewer users per page than asked
 * (or more, if it ignores `pageSize`). A page that holds fewer than it should (and some), or more
 * than asked, shows the real size; planning later pages with the asked size would skip or repeat
 * users.
 */
export function effectivePageSize(requested: number, page: { items: readonly unknown[]; totalCount: number }, pageIndex = 1): number {
  const served = page.items.length;
  const due = itemsDueOnPage(page.totalCount, requested, pageIndex);
  return served > 0 && (served < due || served > requested) ? served : requested;
}
