// Users by ID, any number of them: the protocol de-duplicates and chunks the list and matches the
// answers back to the caller's order; the chunks are read with bounded concurrency.
import {
  DEFAULT_CONCURRENCY,
  MAX_PAGE_SIZE,
  matchRequestedIds,
  parseUserIdList,
  planIdChunks,
  validateListUsersInput,
  validateUsersByIdsInput,
  type User,
} from '../protocol/index.js';
import { listPages, type GetPage } from './list-users.js';
import { mapOrdered } from './map-ordered.js';

export interface UsersByIdsRequest {
  customerId: string;
  tenantId: string;
  /** An array, or one string of IDs separated by commas, spaces or new lines. */
  userIds: readonly string[] | string;
  /** Chunks read at once (default 4, at most 16). */
  concurrency?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface UsersByIdsResult {
  /** Found users, in the order their IDs were asked, each once. */
  users: User[];
  /** Asked IDs the tenant does not have, in the order asked. */
  notFound: string[];
}

export async function getUsersByIdsWith(getPage: GetPage, request: UsersByIdsRequest): Promise<UsersByIdsResult> {
  const { customerId, tenantId, userIds } = validateUsersByIdsInput({
    customerId: request.customerId,
    tenantId: request.tenantId,
    userIds: parseUserIdList(request.userIds),
  });
  const { unique, chunks } = planIdChunks(userIds);
  if (chunks.length === 0) return { users: [], notFound: [] };
  const concurrency = validateListUsersInput({ customerId, tenantId, concurrency: request.concurrency ?? DEFAULT_CONCURRENCY }).concurrency;
  const found: User[] = [];
  const readChunk = async (chunk: string[], signal: AbortSignal): Promise<User[]> => {
    const users: User[] = [];
    const listing = validateListUsersInput({ customerId, tenantId, userIds: chunk, pageSize: MAX_PAGE_SIZE, concurrency: 1 });
    for await (const page of listPages(getPage, listing, signal)) users.push(...page.users);
    return users;
  };
  for await (const users of mapOrdered(chunks, concurrency, readChunk, request.signal)) found.push(...users);
  return matchRequestedIds(unique, found);
}
