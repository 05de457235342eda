// Builds one page of the users batch response. Whole-tenant pages are index ranges; `userIds`
// pages are the IDs the tenant has, in tenant order, so the order is stable across pages.
import type { TenantModel } from '../data/tenancy.js';
import { userAt, userIndexOf, type SandboxUser } from '../data/users.js';
import type { PageQuery } from './parameters.js';

export type ServedUser = Omit<SandboxUser, 'status'> & { status?: number[] | number };

export interface UsersPage {
  data: ServedUser[];
  metadata: { pageIndex: number; pageSize: number; totalCount: number };
}

/** The documented inconsistency: `status` as one bare integer (absent when the user has none). */
function withIntegerStatus(user: SandboxUser): ServedUser {
  const { status, ...rest } = user;
  return status[0] === undefined ? rest : { ...rest, status: status[0] };
}

export function usersPage(tenant: TenantModel, query: PageQuery, userIds: readonly string[] | undefined, statusAsInteger: boolean): UsersPage {
  const start = (query.pageIndex - 1) * query.pageSize;
  let indices: number[];
  let totalCount: number;
  if (userIds === undefined) {
    totalCount = tenant.users;
    const stop = Math.min(totalCount, start + query.pageSize);
    indices = [];
    for (let i = start; i < stop; i++) indices.push(i);
  } else {
    const found = userIds.map((id) => userIndexOf(tenant, id)).filter((i): i is number => i !== undefined);
    found.sort((a, b) => a - b);
    totalCount = found.length;
    indices = found.slice(start, start + query.pageSize);
  }
  const data = indices.map((i) => (statusAsInteger ? withIntegerStatus(userAt(tenant, i)) : userAt(tenant, i)));
  return { data, metadata: { pageIndex: query.pageIndex, pageSize: query.pageSize, totalCount } };
}
