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
