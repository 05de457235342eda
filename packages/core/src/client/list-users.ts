// Every user of a tenant (or of an ID list): the first page says how many there are, the
// protocol plans the remaining pages, and they are read with bounded concurrency, in order.
import { planRemainingPages, type User, type UsersPage, type ValidListUsersInput, type ValidUsersPageInput } from '../protocol/index.js';
import { mapOrdered } from './map-ordered.js';

export interface PageProgress {
  pageIndex: number;
  /** Pages read so far, the first included. */
  pagesDone: number;
  /** Pages this listing will read (after `limit`). */
  pageCount: number;
  /** Users the service says match. */
  totalCount: number;
  /** Users this listing will yield (`totalCount` capped by `limit`). */
  expectedUsers: number;
}

export type GetPage = (input: ValidUsersPageInput, signal?: AbortSignal) => Promise<UsersPage>;

export async function* listUserPages(
  getPage: GetPage,
  input: ValidListUsersInput,
  signal?: AbortSignal,
  onPage?: (progress: PageProgress) => void,
): AsyncGenerator<User, void, undefined> {
  const { concurrency, limit, ...query } = input;
  signal?.throwIfAborted();
  const first = await getPage({ ...query, pageIndex: 1 }, signal);
  const remainingPages = planRemainingPages({ totalCount: first.totalCount, pageSize: query.pageSize, limit });
  const expectedUsers = limit === undefined ? first.totalCount : Math.min(limit, first.totalCount);
  const progress = (page: UsersPage, pagesDone: number) =>
    onPage?.({ pageIndex: page.pageIndex, pagesDone, pageCount: remainingPages.length + 1, totalCount: first.totalCount, expectedUsers });

  let left = limit ?? Number.POSITIVE_INFINITY;
  const take = function* (users: User[]) {
    for (const user of users) {
      if (left <= 0) return;
      // Checked per user: a caller that aborts mid-page gets nothing more, not the page's rest.
      signal?.throwIfAborted();
      left--;
      yield user;
    }
  };
  progress(first, 1);
  yield* take(first.users);
  if (remainingPages.length === 0 || left <= 0) return;

  let pagesDone = 1;
  const pages = mapOrdered(remainingPages, concurrency, (pageIndex, pageSignal) => getPage({ ...query, pageIndex }, pageSignal), signal);
  for await (const page of pages) {
    progress(page, ++pagesDone);
    yield* take(page.users);
    if (left <= 0) return;
  }
}
