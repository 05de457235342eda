// The tenant a users path names, checked as the users endpoints check it: path IDs are GUIDs
// (400, via ParameterError), the customer exists (404) and is within the app's scope (403), the
// tenant is the customer's (404). Shared by the batch and the one-user endpoint, so the two can
// never answer the same path differently.
import type { IssuedToken } from '../auth/token-store.js';
import type { CustomerModel, TenantModel } from '../data/tenancy.js';
import { jsonError, type Reply } from '../http/io.js';
import { checkPathId } from './parameters.js';

export type TenantLookup = { ok: true; tenant: TenantModel } | { ok: false; reply: Reply };

/** Throws ParameterError for a malformed ID and URIError for broken percent-encoding. */
export function lookUpTenant(
  customers: readonly CustomerModel[],
  token: IssuedToken,
  rawCustomerId: string,
  rawTenantId: string,
): TenantLookup {
  const customerId = checkPathId('customerId', decodeURIComponent(rawCustomerId));
  const tenantId = checkPathId('tenantId', decodeURIComponent(rawTenantId));
  const customer = customers.find((c) => c.customerId === customerId);
  if (!customer) return { ok: false, reply: jsonError(404, 'not_found', 'no customer with this customerId') };
  if (!token.customerIds.has(customerId))
    return { ok: false, reply: jsonError(403, 'forbidden', 'the customer is outside the scope of this app') };
  const tenant = customer.tenants.find((t) => t.tenantId === tenantId);
  if (!tenant) return { ok: false, reply: jsonError(404, 'not_found', 'the customer has no tenant with this tenantId') };
  return { ok: true, tenant };
}
