// Every user of a tenant (or of an ID list): the first page says how many there are, the
// protocol plans the remaining pages, and they are read with bounded concurrency, in order.
import { planFollowingPages, type User, type UsersPage, type ValidListUsersInput, type ValidUsersPageInput } from '../protocol/index.js';
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

/**
 * Every page, in order, each cut to what `limit` still allows (so the pages hold exactly the users
 * a listing yields). At most `concurrency` pages are held: the one the caller is on and the ones
 * in flight.
 */
export async function* listPages(
  getPage: GetPage,
  input: ValidListUsersInput,
  signal?: AbortSignal,
  onPage?: (progress: PageProgress) => void,
): AsyncGenerator<UsersPage, void, undefined> {
  const { concurrency, limit, ...query } = input;
  signal?.throwIfAborted();
  const first = await getPage({ ...query, pageIndex: 1 }, signal);
  const { pageSize, pages: remainingPages } = planFollowingPages(first, { pageSize: query.pageSize, limit });
  const expectedUsers = limit === undefined ? first.totalCount : Math.min(limit, first.totalCount);
  const progress = (page: UsersPage, pagesDone: number) =>
    onPage?.({ pageIndex: page.pageIndex, pagesDone, pageCount: remainingPages.length + 1, totalCount: first.totalCount, expectedUsers });

  let left = limit ?? Number.POSITIVE_INFINITY;
  const cut = (page: UsersPage): UsersPage => {
    const users = page.users.length > left ? page.users.slice(0, left) : page.users;
    left -= users.length;
    return users === page.users ? page : { ...page, users };
  };
  progress(first, 1);
  yield cut(first);
  if (remainingPages.length === 0 || left <= 0) return;

  let pagesDone = 1;
  const pages = mapOrdered(remainingPages, concurrency, (pageIndex, pageSignal) => getPage({ ...query, pageSize, pageIndex }, pageSignal), signal);
  for await (const page of pages) {
    progress(page, ++pagesDone);
    yield cut(page);
    if (left <= 0) return;
  }
}

/** Every user, in order, once: the users of `listPages`. */
export async function* listUsersOf(pages: AsyncIterable<UsersPage>, signal?: AbortSignal): AsyncGenerator<User, void, undefined> {
  for await (const page of pages) {
    for (const user of page.users) {
      // Checked per user: a caller that aborts mid-page gets nothing more, not the page's rest.
      signal?.throwIfAborted();
      yield user;
    }
  }
}
