// POST /partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch, checked in
// the order a gateway would: bearer token (401), permission (403), path IDs (400), customer and
// tenant (404, or 403 outside the app's scope), then paging and body (400).
import { USERS_READ_SCOPE } from '../auth/clients.js';
import type { TokenStore } from '../auth/token-store.js';
import type { Membership } from '../data/membership.js';
import type { CustomerModel, TenantModel } from '../data/tenancy.js';
import { reportedTotalCount, servedSlice } from '../faults/page-lies.js';
import type { PageLies } from '../faults/types.js';
import { jsonError, type Reply } from '../http/io.js';
import { authorize } from './authorize.js';
import { ParameterError, parsePageQuery, parseUserIds } from './parameters.js';
import { lookUpTenant } from './tenant-lookup.js';
import { usersPage } from './users-page.js';

export const USERS_PATH = /^\/partner\/external\/v3\/um\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/batch\/?$/;

export interface UsersEndpointContext {
  customers: readonly CustomerModel[];
  store: TokenStore;
  now: () => number;
  defaultPageSize: number;
  maxUserIds: number;
  maxServedPageSize: number;
  /** Who is in a tenant now (churn changes it between requests). */
  membership: (tenant: TenantModel) => Membership;
}

export interface UsersRequest {
  method: string;
  authorization: string | undefined;
  customerId: string;
  tenantId: string;
  query: URLSearchParams;
  body: string;
  isJson: boolean;
  statusAsInteger: boolean;
  /** Paging faults that fired on this request. */
  lies?: PageLies;
}

export function handleUsersRequest(req: UsersRequest, ctx: UsersEndpointContext): Reply {
  if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: { error: 'method_not_allowed', message: 'use POST' } };

  const authorized = authorize(req.authorization, ctx.store, ctx.now(), USERS_READ_SCOPE);
  if (!authorized.ok) return authorized.reply;
  const { token } = authorized;

  try {
    const found = lookUpTenant(ctx.customers, token, req.customerId, req.tenantId);
    if (!found.ok) return found.reply;
    const { tenant } = found;

    const asked = parsePageQuery(req.query, ctx.defaultPageSize);
    const lies = req.lies;
    // A server that ignores pageSize echoes it; the honest cap (maxServedPageSize) reports what it serves.
    const query = lies?.servePageSize !== undefined ? asked : { ...asked, pageSize: Math.min(asked.pageSize, ctx.maxServedPageSize) };
    const userIds = parseUserIds(req.body, req.isJson, ctx.maxUserIds);
    const served = lies ? servedSlice(query, lies) : undefined;
    const page = usersPage(tenant, query, userIds, req.statusAsInteger, {
      membership: ctx.membership(tenant),
      ...(served ? { served } : {}),
    });
    if (lies?.totalCount === undefined) return { status: 200, body: page };
    return {
      status: 200,
      body: { data: page.data, metadata: { ...page.metadata, totalCount: reportedTotalCount(page.metadata.totalCount, lies) } },
    };
  } catch (error) {
    if (error instanceof ParameterError) return jsonError(400, 'invalid_parameter', error.message, { parameter: error.parameter });
    if (error instanceof URIError) return jsonError(400, 'invalid_parameter', 'the path is not valid percent-encoding');
    throw error;
  }
}
