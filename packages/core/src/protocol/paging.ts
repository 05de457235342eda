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
