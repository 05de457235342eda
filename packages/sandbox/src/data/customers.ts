// A customer as the customers endpoint serves it: the partner's record of the organization, with
// its tenants as `{ id, name }`. Derived from the layout, so tests compute it without HTTP.
import type { CustomerModel, JobStatusCode, ManagementModeCode } from './tenancy.js';

/** The spec's `Customer`. */
export interface SandboxCustomerRecord {
  id: string;
  organization: string;
  ownerEmail: string;
  jobStatus: JobStatusCode;
  countryOrRegion: string;
  managementMode: ManagementModeCode;
  tenants: Array<{ id: string; name: string }>;
}

export function customerRecord(customer: CustomerModel): SandboxCustomerRecord {
  return {
    id: customer.customerId,
    organization: customer.name,
    ownerEmail: customer.ownerEmail,
    jobStatus: customer.jobStatus,
    countryOrRegion: customer.countryOrRegion,
    managementMode: customer.managementMode,
    tenants: customer.tenants.map((tenant) => ({ id: tenant.tenantId, name: tenant.name })),
  };
}
