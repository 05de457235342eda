// Customers and tenants as the Customer and Tenant dropdowns show them: `id` is the value the field
// stores, `name` the label. Organization and tenant names repeat (two customers may both have a
// "Contoso Production" tenant, two organizations may differ only by case), so each label carries
// what tells it apart from its namesakes.
import { DEFAULT_CUSTOMERS_PAGE_SIZE, GUID_PATTERN, type Customer } from '@avepoint-graph-kit/core/protocol';
import type { ListCustomersRequest } from '@avepoint-graph-kit/core';
import type { Bundle } from 'zapier-platform-core';

/**
 * Customers per dropdown page: the endpoint's documented default page, so every revision of the
 * service serves exactly this many per page and a dropdown page is exactly one API page.
 */
export const DROPDOWN_PAGE_SIZE = DEFAULT_CUSTOMERS_PAGE_SIZE;

export interface CustomerChoice extends Customer {
  /** The dropdown's label: "Contoso (admin@contoso.onmicrosoft.com)". */
  name: string;
}

export interface TenantChoice {
  id: string;
  /** The dropdown's label: "Contoso Production (Contoso Pharmaceuticals)". */
  name: string;
  tenantName: string | null;
  customerId: string;
  customerName: string | null;
}

const organizationOf = (customer: Customer): string => customer.organization?.trim() || `Customer ${customer.id}`;

export function customerChoice(customer: Customer): CustomerChoice {
  const owner = customer.ownerEmail?.trim();
  // A customer without tenants has nothing a step could read: say so before it is picked.
  const empty = customer.tenants.length === 0 ? ' - no tenants' : '';
  return { ...customer, name: `${organizationOf(customer)}${owner ? ` (${owner})` : ''}${empty}` };
}

export function tenantChoices(customer: Customer): TenantChoice[] {
  return customer.tenants.map((tenant) => ({
    id: tenant.id,
    name: `${tenant.name?.trim() || `Tenant ${tenant.id}`} (${organizationOf(customer)})`,
    tenantName: tenant.name,
    customerId: customer.id,
    customerName: customer.organization,
  }));
}

/** Zapier's dropdown page (0 first, "Load more" adds 1); absent outside a dropdown. */
export function dropdownPageOf(bundle: Bundle): number {
  const page = (bundle.meta as { page?: unknown } | undefined)?.page;
  return typeof page === 'number' && Number.isInteger(page) && page >= 0 ? page : 0;
}

/** The listCustomers request for one dropdown page: exactly the API page at that position. */
export function customersPageRequest(page: number, signal: AbortSignal): ListCustomersRequest {
  return { pageSize: DROPDOWN_PAGE_SIZE, resumeFrom: page + 1, limit: DROPDOWN_PAGE_SIZE, concurrency: 1, signal };
}

/**
 * The customer chosen above the Tenant field, when it is one. While the Customer field holds a
 * mapped value (`{{123__customerId}}`, unknown until the Zap runs) or nothing, the Tenant
 * dropdown lists the tenants of every customer instead.
 */
export function chosenCustomerId(value: unknown): string | undefined {
  return typeof value === 'string' && GUID_PATTERN.test(value.trim()) ? value.trim() : undefined;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
