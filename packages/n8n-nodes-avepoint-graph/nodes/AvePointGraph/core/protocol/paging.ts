// Generated from packages/core/src/protocol/paging.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Page arithmetic: how many pages a count needs, how many users a page should hold, and the page
// size a service really serves.

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
