// GET /partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/{userId}: one user
// in full, as the tenant is now (a churned tenant's inserted users are gettable, its deleted ones
// are 404). Checked like the batch endpoint: bearer token (401), permission (403), path IDs (400),
// customer and tenant (404, or 403 outside the app's scope), then the user (404).
import { USERS_READ_SCOPE } from '../auth/clients.js';
import type { TokenStore } from '../auth/token-store.js';
import { indexOfGuid } from '../data/guid.js';
import type { Membership } from '../data/membership.js';
import type { CustomerModel, TenantModel } from '../data/tenancy.js';
import { deriveUserDetail, type SandboxUserDetail } from '../data/user-detail.js';
import { jsonError, type Reply } from '../http/io.js';
import { authorize } from './authorize.js';
import { checkPathId, ParameterError } from './parameters.js';
import { lookUpTenant } from './tenant-lookup.js';

export const USER_PATH = /^\/partner\/external\/v3\/um\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/([^/]+)\/?$/;

export interface UserEndpointContext {
  customers: readonly CustomerModel[];
  store: TokenStore;
  now: () => number;
  membership: (tenant: TenantModel) => Membership;
}

export interface UserRequest {
  method: string;
  authorization: string | undefined;
  customerId: string;
  tenantId: string;
  userId: string;
  statusAsInteger: boolean;
}

export type ServedUserDetail = Omit<SandboxUserDetail, 'status'> & { status?: number[] | number };

/** The user of a tenant with an ID, as the tenant is now; undefined when it has no such user (now). */
export function findUserDetail(tenant: TenantModel, membership: Membership, id: string): SandboxUserDetail | undefined {
  const serial = indexOfGuid(tenant.key, id, membership.issued);
  if (serial === undefined || membership.positionOf(serial) === undefined) return undefined;
  return deriveUserDetail(tenant, serial);
}

/** The documented inconsistency: `status` as one bare integer (absent when the user has none). */
function withIntegerStatus(user: SandboxUserDetail): ServedUserDetail {
  const { status, ...rest } = user;
  return status[0] === undefined ? rest : { ...rest, status: status[0] };
}

export function handleUserRequest(req: UserRequest, ctx: UserEndpointContext): Reply {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return { status: 405, headers: { allow: 'GET' }, body: { error: 'method_not_allowed', message: 'use GET' } };
  const authorized = authorize(req.authorization, ctx.store, ctx.now(), USERS_READ_SCOPE);
  if (!authorized.ok) return authorized.reply;
  try {
    // Every path ID is checked before any is looked up, as on the batch endpoint.
    checkPathId('customerId', decodeURIComponent(req.customerId));
    checkPathId('tenantId', decodeURIComponent(req.tenantId));
    const userId = checkPathId('userId', decodeURIComponent(req.userId));
    const found = lookUpTenant(ctx.customers, authorized.token, req.customerId, req.tenantId);
    if (!found.ok) return found.reply;
    const user = findUserDetail(found.tenant, ctx.membership(found.tenant), userId);
    if (!user) return jsonError(404, 'not_found', 'the tenant has no user with this userId');
    return { status: 200, body: req.statusAsInteger ? withIntegerStatus(user) : user };
  } catch (error) {
    if (error instanceof ParameterError) return jsonError(400, 'invalid_parameter', error.message, { parameter: error.parameter });
    if (error instanceof URIError) return jsonError(400, 'invalid_parameter', 'the path is not valid percent-encoding');
    throw error;
  }
}
