// Generated from packages/core/src/protocol/paging.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Which pages to read, from the first page's totalCount.

export function pageCount(totalCount: number, pageSize: number): number {
  if (totalCount <= 0) return 0;
  return Math.ceil(totalCount / pageSize);
}

/**
 * The page indexes after the first that are needed to read `totalCount` users, or only the
 * first `limit` of them.
 */
export function planRemainingPages(options: { totalCount: number; pageSize: number; limit?: number | undefined }): number[] {
  const wanted = options.limit === undefined ? options.totalCount : Math.min(options.totalCount, options.limit);
  const last = pageCount(wanted, options.pageSize);
  const pages: number[] = [];
  for (let index = 2; index <= last; index++) pages.push(index);
  return pages;
}

/**
 * The page size the service really used, read off the first page. AvePoint documents 100 as the
 * default on one page and 50 (maximum 100) on another, so a service may serve fewer users per page
 * than asked (or more, if it ignores `pageSize`). A first page that is full but not the last shows
 * the real size; planning later pages with the asked size would skip or repeat users.
 */
export function effectivePageSize(requested: number, first: { users: readonly unknown[]; totalCount: number }): number {
  const served = first.users.length;
  // More than asked on a page that holds everything: nothing is left to plan either way.
  return served > 0 && (served < first.totalCount || served > requested) ? served : requested;
}

/**
 * What to read after the first page: the page size to ask with (the one the service really
 * serves) and the page indexes, up to `limit` users. Every reader of a whole listing uses this,
 * so none of them can skip or repeat users when the service's page size differs from the asked one.
 */
export function planFollowingPages(
  first: { users: readonly unknown[]; totalCount: number },
  asked: { pageSize: number; limit?: number | undefined },
): { pageSize: number; pages: number[] } {
  const pageSize = effectivePageSize(asked.pageSize, first);
  return { pageSize, pages: planRemainingPages({ totalCount: first.totalCount, pageSize, limit: asked.limit }) };
}
