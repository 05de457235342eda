// Generated from packages/core/src/protocol/directory/resolve-names.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Customers and tenants picked by name (what people know) or by ID (what the API takes): exact,
// case-insensitive, and unique, or an input error that lists the candidates to choose from.
import type { Customer, Tenant } from './customers.js';
import { AvePointInputError } from '../errors/avepoint-errors.js';
import { GUID_PATTERN, idKey } from '../validate.js';

const MAX_LISTED = 10;

const fold = (text: string | null): string => (text ?? '').trim().toLowerCase();

const list = (names: string[]): string => {
  const shown = names.slice(0, MAX_LISTED).join('; ');
  return names.length > MAX_LISTED ? `${shown}; and ${names.length - MAX_LISTED} more` : shown;
};

const customerLabel = (c: Customer): string => `${c.organization ?? '(no name)'} (${c.id})`;

/** The customer a name or an ID names, among `customers`. */
export function resolveCustomer(customers: readonly Customer[], nameOrId: string, field = 'customerId'): Customer {
  const wanted = nameOrId.trim();
  if (GUID_PATTERN.test(wanted)) {
    const byId = customers.find((c) => idKey(c.id) === idKey(wanted));
    if (byId) return byId;
    throw new AvePointInputError(field, `names no customer the app can see (${customers.length} can be seen)`, JSON.stringify(wanted));
  }
  const matches = customers.filter((c) => fold(c.organization) === fold(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AvePointInputError(
      field,
      `names ${matches.length} customers; give the ID of one: ${list(matches.map(customerLabel))}`,
      JSON.stringify(wanted),
    );
  }
  throw new AvePointInputError(
    field,
    `names no customer; the customers are: ${list(customers.map(customerLabel))}`,
    JSON.stringify(wanted),
  );
}

export interface TenantOfCustomer {
  customer: Customer;
  tenant: Tenant;
}

const tenantLabel = ({ customer, tenant }: TenantOfCustomer): string =>
  `${tenant.name ?? '(no name)'} of ${customer.organization ?? customer.id} (${tenant.id})`;

/**
 * The tenant a name or an ID names, within `customers` (one customer, or all the app can see, when
 * the customer was not named): a tenant name may repeat across customers.
 */
export function resolveTenant(customers: readonly Customer[], nameOrId: string, field = 'tenantId'): TenantOfCustomer {
  const wanted = nameOrId.trim();
  const all = customers.flatMap((customer) => customer.tenants.map((tenant) => ({ customer, tenant })));
  const matches = GUID_PATTERN.test(wanted)
    ? all.filter((t) => idKey(t.tenant.id) === idKey(wanted))
    : all.filter((t) => fold(t.tenant.name) === fold(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AvePointInputError(
      field,
      `names ${matches.length} tenants; give the customer too, or the tenant's ID: ${list(matches.map(tenantLabel))}`,
      JSON.stringify(wanted),
    );
  }
  const where = customers.length === 1 ? `${customers[0]!.organization ?? customers[0]!.id}'s tenants are` : 'the tenants are';
  throw new AvePointInputError(
    field,
    `names no tenant; ${where}: ${all.length === 0 ? '(none)' : list(all.map(tenantLabel))}`,
    JSON.stringify(wanted),
  );
}
