// A server that gets paging wrong while `data` stays real: it ignores `pageSize` or `pageIndex`
// (and echoes them anyway), or reports a `totalCount` that is not the number of users.
import type { PageLies } from './types.js';

/** A page position as the users endpoint parses it. */
interface PageQuery {
  pageIndex: number;
  pageSize: number;
}

/** The slice a lying server serves for what was asked. */
export function servedSlice(asked: PageQuery, lies: PageLies): PageQuery | undefined {
  if (lies.servePageSize === undefined && !lies.ignorePageIndex) return undefined;
  return { pageIndex: lies.ignorePageIndex ? 1 : asked.pageIndex, pageSize: lies.servePageSize ?? asked.pageSize };
}

/** `metadata.totalCount` as the lie says: a given value (any JSON), or the real count shifted. */
export function reportedTotalCount(real: number, lies: PageLies): unknown {
  const lie = lies.totalCount;
  if (lie === undefined) return real;
  return 'value' in lie ? lie.value : real + lie.add;
}
