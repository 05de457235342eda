// The customers and tenants a sandbox serves. IDs derive from the seed, so a given seed always
// serves the same IDs: CI logs, demos and tests can be compared across runs.
import { guidFor } from './guid.js';
import { hash32, stringKey } from './hash.js';
import { officeOf } from './users.js';

export interface TenantLayout {
  users: number;
  /** The `*.onmicrosoft.com` prefix of the tenant's UPNs; derived from the customer when absent. */
  domain?: string;
  company?: string;
  /** The tenant's name in the customers endpoint; the customer's name (then "name 2", "name 3") when absent. */
  name?: string;
}

/** The customers endpoint's `jobStatus` codes: 0 N/A, 1 Working, 2 Failed, 3 Waiting for configuration, 4 Multiple issues found, 5 Finished with exception, 6 No backup updates. */
export type JobStatusCode = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** The customers endpoint's `managementMode` codes: 0 the customer manages the tenant, 1 the partner does, 2 to be configured. */
export type ManagementModeCode = 0 | 1 | 2;

export interface CustomerLayout {
  /** The customer's organization name (`organization` in the customers endpoint). */
  name: string;
  /** Whether the demo apps may read this customer's tenants (403 otherwise) and see it in the customers endpoint. */
  inScope: boolean;
  tenants: TenantLayout[];
  /** `admin@<first tenant's domain>` by default, `admin@<name>.example.com` for a customer without tenants. */
  ownerEmail?: string;
  /** 1 (Working) by default; 3 (Waiting for configuration) for a customer without tenants. */
  jobStatus?: JobStatusCode;
  /** 1 (the partner manages the tenant) by default; 2 (to be configured) for a customer without tenants. */
  managementMode?: ManagementModeCode;
  /** The country of its first tenant's first user by default; 'United States' without tenants. */
  countryOrRegion?: string;
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
  name: string;
}

export interface CustomerModel {
  customerIndex: number;
  customerId: string;
  name: string;
  inScope: boolean;
  tenants: TenantModel[];
  ownerEmail: string;
  jobStatus: JobStatusCode;
  managementMode: ManagementModeCode;
  countryOrRegion: string;
}

export const MAX_TENANT_USERS = 2 ** 31 - 1;

/**
 * The default world. Contoso (index 0) and its first tenant sized by `users` are what every demo
 * and test reads by default, Fabrikam (index 1) is outside the demo apps' scope; both kept their
 * IDs when the others were added (IDs derive from the index). The rest is there for clients that
 * pick customers and tenants by name: "Contoso Production" names a tenant of two customers,
 * "Woodgrove Bank" and "WOODGROVE BANK" are two customers whose names differ only in case (and
 * whose tenants share a name), Tailspin Toys has no tenant, and Woodgrove's archive tenant has no user.
 */
export function defaultLayout(users: number): CustomerLayout[] {
  return [
    {
      name: 'Contoso',
      inScope: true,
      tenants: [
        { users, company: 'Contoso Ltd.', name: 'Contoso Production' },
        { users: 40, domain: 'contosolab', company: 'Contoso Labs', name: 'Contoso Lab' },
        { users: 12, domain: 'contosostaging', company: 'Contoso Ltd.', name: 'Contoso Staging' },
      ],
    },
    { name: 'Fabrikam', inScope: false, tenants: [{ users: 25, company: 'Fabrikam, Inc.', name: 'Fabrikam' }] },
    {
      name: 'Contoso Pharmaceuticals',
      inScope: true,
      managementMode: 0,
      tenants: [
        { users: 18, domain: 'contosopharma', name: 'Contoso Production' },
        { users: 9, domain: 'contosopharmaresearch', company: 'Contoso Pharmaceuticals Research', name: 'Research' },
      ],
    },
    {
      name: 'Woodgrove Bank',
      inScope: true,
      jobStatus: 6,
      tenants: [
        { users: 20, domain: 'woodgrove', name: 'Woodgrove Bank' },
        { users: 0, domain: 'woodgrovearchive', name: 'Woodgrove Archive' },
      ],
    },
    {
      name: 'WOODGROVE BANK',
      inScope: true,
      jobStatus: 4,
      countryOrRegion: 'Ireland',
      tenants: [{ users: 7, domain: 'woodgroveemea', company: 'Woodgrove Bank EMEA', name: 'Woodgrove Bank' }],
    },
    { name: 'Tailspin Toys', inScope: true, tenants: [] },
  ];
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'tenant';
}

export function buildCustomers(seed: number, layout: readonly CustomerLayout[]): CustomerModel[] {
  const seedKey = hash32(seed, 0x5eed);
  return layout.map((customer, customerIndex) => {
    if (customer.jobStatus !== undefined && !(Number.isInteger(customer.jobStatus) && customer.jobStatus >= 0 && customer.jobStatus <= 6)) {
      throw new RangeError('customer jobStatus must be an integer from 0 to 6');
    }
    if (
      customer.managementMode !== undefined &&
      !(Number.isInteger(customer.managementMode) && customer.managementMode >= 0 && customer.managementMode <= 2)
    ) {
      throw new RangeError('customer managementMode must be an integer from 0 to 2');
    }
    const customerId = guidFor(hash32(seedKey, 0xc057), customerIndex);
    const tenants = customer.tenants.map((tenant, tenantIndex): TenantModel => {
      if (!Number.isInteger(tenant.users) || tenant.users < 0 || tenant.users > MAX_TENANT_USERS) {
        throw new RangeError(`tenant users must be an integer from 0 to ${MAX_TENANT_USERS}`);
      }
      const base = slug(customer.name);
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
        name: tenant.name ?? (tenantIndex === 0 ? customer.name : `${customer.name} ${tenantIndex + 1}`),
      };
    });
    const first = tenants[0];
    const hasTenants = first !== undefined;
    return {
      customerIndex,
      customerId,
      name: customer.name,
      inScope: customer.inScope,
      tenants,
      ownerEmail: customer.ownerEmail ?? (hasTenants ? `admin@${first.domain}` : `admin@${slug(customer.name)}.example.com`),
      jobStatus: customer.jobStatus ?? (hasTenants ? 1 : 3),
      managementMode: customer.managementMode ?? (hasTenants ? 1 : 2),
      countryOrRegion: customer.countryOrRegion ?? (first !== undefined && first.users > 0 ? officeOf(first, 0)[1] : 'United States'),
    };
  });
}
