// Builds one page of the users batch response. Whole-tenant pages are position ranges; `userIds`
// pages are the IDs the tenant has now, in tenant order, so the order is stable across pages.
// The tenant is read through its Membership, so a churned tenant pages exactly like the service
// would: by offset into the tenant as it is at the time of the request.
import { indexOfGuid } from '../data/guid.js';
import { wholeTenant, type Membership } from '../data/membership.js';
import type { TenantModel } from '../data/tenancy.js';
import { deriveUser, type SandboxUser } from '../data/users.js';
import type { PageQuery } from './parameters.js';

export type ServedUser = Omit<SandboxUser, 'status'> & { status?: number[] | number };

export interface UsersPage {
  data: ServedUser[];
  metadata: { pageIndex: number; pageSize: number; totalCount: number };
}

export interface PageView {
  /** Who is in the tenant now; the tenant as it started by default. */
  membership?: Membership;
  /** Which slice to serve when it differs from what `metadata` reports (a server that ignores paging). */
  served?: PageQuery;
}

/** The documented inconsistency: `status` as one bare integer (absent when the user has none). */
function withIntegerStatus(user: SandboxUser): ServedUser {
  const { status, ...rest } = user;
  return status[0] === undefined ? rest : { ...rest, status: status[0] };
}

export function usersPage(
  tenant: TenantModel,
  query: PageQuery,
  userIds: readonly string[] | undefined,
  statusAsInteger: boolean,
  view: PageView = {},
): UsersPage {
  const membership = view.membership ?? wholeTenant(tenant);
  const served = view.served ?? query;
  const start = (served.pageIndex - 1) * served.pageSize;
  let serials: number[];
  let totalCount: number;
  if (userIds === undefined) {
    totalCount = membership.size;
    const stop = Math.min(totalCount, start + served.pageSize);
    serials = [];
    for (let p = start; p < stop; p++) serials.push(membership.serialAt(p));
  } else {
    const found: Array<{ serial: number; position: number }> = [];
    for (const id of userIds) {
      const serial = indexOfGuid(tenant.key, id, membership.issued);
      const position = serial === undefined ? undefined : membership.positionOf(serial);
      if (serial !== undefined && position !== undefined) found.push({ serial, position });
    }
    found.sort((a, b) => a.position - b.position);
    totalCount = found.length;
    serials = found.slice(start, start + served.pageSize).map((f) => f.serial);
  }
  const data = serials.map((s) => (statusAsInteger ? withIntegerStatus(deriveUser(tenant, s)) : deriveUser(tenant, s)));
  return { data, metadata: { pageIndex: query.pageIndex, pageSize: query.pageSize, totalCount } };
}
