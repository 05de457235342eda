// The customers and tenants a sandbox serves. IDs derive from the seed, so a given seed always
// serves the same IDs: CI logs, demos and tests can be compared across runs.
import { guidFor } from './guid.js';
import { hash32, stringKey } from './hash.js';

export interface TenantLayout {
  users: number;
  /** The `*.onmicrosoft.com` prefix of the tenant's UPNs; derived from the customer when absent. */
  domain?: string;
  company?: string;
}

export interface CustomerLayout {
  name: string;
  /** Whether the demo apps may read this customer's tenants (403 otherwise). */
  inScope: boolean;
  tenants: TenantLayout[];
}

export interface TenantModel {
  customerIndex: number;
  tenantIndex: number;
  customerId: string;
  tenantId: string;
  /** Mixes seed, customer and tenant into every user hash. */
  key: number;
  users: number;
  domain: string;
  company: string;
}

export interface CustomerModel {
  customerIndex: number;
  customerId: string;
  name: string;
  inScope: boolean;
  tenants: TenantModel[];
}

export const MAX_TENANT_USERS = 2 ** 31 - 1;

/** The default world: the demo customer (two tenants, the first sized by `users`) and one outside scope. */
export function defaultLayout(users: number): CustomerLayout[] {
  return [
    { name: 'Contoso', inScope: true, tenants: [{ users, company: 'Contoso Ltd.' }, { users: 40, domain: 'contosolab', company: 'Contoso Labs' }] },
    { name: 'Fabrikam', inScope: false, tenants: [{ users: 25, company: 'Fabrikam, Inc.' }] },
  ];
}

export function buildCustomers(seed: number, layout: readonly CustomerLayout[]): CustomerModel[] {
  const seedKey = hash32(seed, 0x5eed);
  return layout.map((customer, customerIndex) => {
    const customerId = guidFor(hash32(seedKey, 0xc057), customerIndex);
    const tenants = customer.tenants.map((tenant, tenantIndex): TenantModel => {
      if (!Number.isInteger(tenant.users) || tenant.users < 0 || tenant.users > MAX_TENANT_USERS) {
        throw new RangeError(`tenant users must be an integer from 0 to ${MAX_TENANT_USERS}`);
      }
      const base = customer.name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'tenant';
      const domain = tenant.domain ?? (tenantIndex === 0 ? base : `${base}${tenantIndex + 1}`);
      return {
        customerIndex,
        tenantIndex,
        customerId,
        tenantId: guidFor(hash32(seedKey, 0x7e4a, customerIndex), tenantIndex),
        key: hash32(seedKey, customerIndex, tenantIndex, stringKey(domain)),
        users: tenant.users,
        domain: `${domain}.onmicrosoft.com`,
        company: tenant.company ?? customer.name,
      };
    });
    return { customerIndex, customerId, name: customer.name, inScope: customer.inScope, tenants };
  });
}
