// The client's listings as calls of the engine: every user of a tenant (page by page, or user by
// user) and users by ID. What "every user, exactly once" means lives in the engine; this file
// maps the users endpoint onto it and checks the caller's options first.
import {
  AvePointInputError,
  matchRequestedIds,
  parseUserIdList,
  validateListUsersInput,
  validateUsersByIdsInput,
  MAX_IDS_PER_REQUEST,
  type Consistency,
  type InconsistencyReport,
  type ListUsersInput,
  type User,
  type UsersPage,
  type ValidUsersPageInput,
} from '../protocol/index.js';
import { validateCallback, validateSignal } from '../protocol/validate.js';
import { describeValue } from '../protocol/guards.js';
import { listPages, lookUpIds, type ListingProgress, type Scheduler } from '../engine/index.js';

/** Progress of a listing, after each page (drives the CLI's progress bar). */
export interface PageProgress {
  /** 1 for the first pass; 2 and more for verification passes after the tenant changed. */
  pass: number;
  pageIndex: number;
  /** Pages of this pass read so far, the first included. */
  pagesDone: number;
  /** Pages this pass will read, as far as it knows (after `limit`; it grows with the tenant). */
  pageCount: number;
  /** Users the service says match, as of the latest page. */
  totalCount: number;
  /** Users this listing expects to yield (`totalCount` capped by `limit`). */
  expectedUsers: number;
  /** Users yielded so far. */
  usersDone: number;
}

export interface ListUsersRequest extends ListUsersInput {
  signal?: AbortSignal | undefined;
  /** Called after each page, in page order. */
  onPage?: ((progress: PageProgress) => void) | undefined;
  /** Lenient mode: called when the tenant was still changing after `maxPasses` passes. */
  onInconsistency?: ((report: InconsistencyReport) => void) | undefined;
}

/** A page of a listing: only users no earlier page yielded, the last one cut to `limit`. */
export interface ListedUsersPage extends UsersPage {
  pass: number;
}

export interface UsersByIdsRequest {
  customerId: string;
  tenantId: string;
  /** An array, or one string of IDs separated by commas, spaces or new lines. */
  userIds: readonly string[] | string;
  /** Requests at once (default 4, at most 16). */
  concurrency?: number | undefined;
  maxPasses?: number | undefined;
  consistency?: Consistency | undefined;
  onInconsistency?: ((report: InconsistencyReport) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface UsersByIdsResult {
  /** Found users, in the order their IDs were asked, each once. */
  users: User[];
  /** Asked IDs the tenant does not have, in the order asked. */
  notFound: string[];
}

/** One page request; resolves to the reading of its answer (see requestUsersPage). */
export type GetUsersPage = (input: ValidUsersPageInput, signal: AbortSignal) => Promise<() => UsersPage>;

export interface ListingDeps {
  getPage: GetUsersPage;
  scheduler: (concurrency: number) => Scheduler;
}

// The ID set folds case itself (cheaply, for GUIDs): no lower-cased copy of every ID.
const userKey = (user: User): string => user.id;

/**
 * Checks everything a listing takes, at the call: a bad option throws before any request (and
 * before the caller starts iterating), never a TypeError after the first page.
 */
export function listUsersPages(deps: ListingDeps, request: ListUsersRequest): AsyncGenerator<ListedUsersPage, void, undefined> {
  const valid = validateListUsersInput(request);
  const signal = validateSignal(request.signal);
  const onPage = validateCallback<(progress: PageProgress) => void>('onPage', request.onPage);
  const onInconsistency = validateCallback<(report: InconsistencyReport) => void>('onInconsistency', request.onInconsistency);
  const { customerId, tenantId, userIds } = valid;
  return (async function* () {
    const pages = listPages<User>({
      getPage: async (r) => {
        const read = await deps.getPage({ customerId, tenantId, userIds, pageIndex: r.pageIndex, pageSize: r.pageSize }, r.signal);
        return () => {
          const page = read();
          return { items: page.users, totalCount: page.totalCount };
        };
      },
      keyOf: userKey,
      scheduler: deps.scheduler(valid.concurrency),
      pageSize: valid.pageSize,
      concurrency: valid.concurrency,
      limit: valid.limit,
      resumeFrom: valid.resumeFrom,
      maxPasses: valid.maxPasses,
      consistency: valid.consistency,
      maxTotal: userIds && userIds.length > 0 ? userIds.length : undefined,
      signal,
      noun: 'users',
      onInconsistency,
      onPage:
        onPage &&
        ((p: ListingProgress) =>
          onPage({
            pass: p.pass,
            pageIndex: p.pageIndex,
            pagesDone: p.pagesDone,
            pageCount: p.pageCount,
            totalCount: p.totalCount,
            expectedUsers: p.expectedItems,
            usersDone: p.itemsDone,
          })),
    });
    for await (const page of pages) {
      yield { pass: page.pass, pageIndex: page.pageIndex, pageSize: page.pageSize, totalCount: page.totalCount, users: page.items };
    }
  })();
}

/** Every user, in order, once: the users of listUsersPages. */
export function listUsers(deps: ListingDeps, request: ListUsersRequest): AsyncGenerator<User, void, undefined> {
  const pages = listUsersPages(deps, request);
  const signal = request.signal;
  return (async function* () {
    for await (const page of pages) {
      for (const user of page.users) {
        // Checked per user: a caller that aborts mid-page gets nothing more, not the page's rest.
        signal?.throwIfAborted();
        yield user;
      }
    }
  })();
}

export async function getUsersByIds(deps: ListingDeps, request: UsersByIdsRequest): Promise<UsersByIdsResult> {
  // Checked first: the ID list is read from it before the protocol's validation.
  if (typeof request !== 'object' || request === null) throw new AvePointInputError('input', 'must be an object', describeValue(request));
  const { customerId, tenantId, userIds, concurrency } = validateUsersByIdsInput({
    customerId: request.customerId,
    tenantId: request.tenantId,
    userIds: parseUserIdList(request.userIds),
    concurrency: request.concurrency,
  });
  const signal = validateSignal(request.signal);
  const onInconsistency = validateCallback<(report: InconsistencyReport) => void>('onInconsistency', request.onInconsistency);
  const listing = validateListUsersInput({ customerId, tenantId, maxPasses: request.maxPasses, consistency: request.consistency });
  if (userIds.length === 0) return { users: [], notFound: [] };
  const found = await lookUpIds<User>({
    ids: userIds,
    getPage: async (ids, r) => {
      const page = (
        await deps.getPage({ customerId, tenantId, userIds: [...ids], pageIndex: r.pageIndex, pageSize: r.pageSize }, r.signal)
      )();
      return { items: page.users, totalCount: page.totalCount };
    },
    keyOf: userKey,
    scheduler: deps.scheduler(concurrency),
    concurrency,
    chunkSize: MAX_IDS_PER_REQUEST,
    maxPasses: listing.maxPasses,
    consistency: listing.consistency,
    onInconsistency,
    signal,
    noun: 'users',
  });
  return matchRequestedIds(userIds, found);
}
