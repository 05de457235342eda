// The partner's customers with their tenants: the request of one page of the customers batch
// endpoint, and a customer as the client hands it out (labels beside the coded fields).
import type { components, operations } from '../../generated/openapi.js';
import { isRecord } from '../guards.js';
import { invalidResponse, normalizePage, type Page, type ResponseContext } from '../pages.js';

export const CUSTOMERS_BATCH_PATH = '/partner/external/v3/general/customers/batch';

/** The permission the customers endpoint needs, beside the users' one. */
export const CUSTOMERS_READ_SCOPE = 'elements.customers.read.all';

/** The customers endpoint documents 50 as its default and 100 as its maximum. */
export const DEFAULT_CUSTOMERS_PAGE_SIZE = 50;

export type JobStatusCode = components['schemas']['JobStatus'];
export type ManagementModeCode = components['schemas']['ManagementMode'];

export const JOB_STATUS_LABELS: Readonly<Record<JobStatusCode, string>> = Object.freeze({
  0: 'N/A',
  1: 'Working',
  2: 'Failed',
  3: 'Waiting for configuration',
  4: 'Multiple issues found',
  5: 'Finished with exception',
  6: 'No backup updates',
});

export const MANAGEMENT_MODE_LABELS: Readonly<Record<ManagementModeCode, string>> = Object.freeze({
  0: 'Customer manages the tenant',
  1: 'Partner manages the tenant',
  2: 'To be configured',
});

export interface Tenant {
  id: string;
  name: string | null;
}

export interface Customer {
  id: string;
  organization: string | null;
  ownerEmail: string | null;
  countryOrRegion: string | null;
  jobStatus: number | null;
  /** The label of `jobStatus`; a code AvePoint adds later reads "Unknown (7)". */
  jobStatusLabel: string | null;
  managementMode: number | null;
  managementModeLabel: string | null;
  /** Never null: a customer without tenants has an empty list. */
  tenants: Tenant[];
}

type Query = Required<NonNullable<operations['listCustomers']['parameters']['query']>>;
type Body = NonNullable<operations['listCustomers']['requestBody']>['content']['application/json'];

export interface CustomersBatchRequest {
  method: 'POST';
  path: string;
  query: Query;
  body: Body;
  headers: Record<string, string>;
}

export function buildCustomersBatchRequest(input: {
  pageIndex: number;
  pageSize: number;
  customerIds?: readonly string[] | undefined;
}): CustomersBatchRequest {
  return {
    method: 'POST',
    path: CUSTOMERS_BATCH_PATH,
    // pageSize always explicit, as for users: a documented default is no promise.
    query: { pageIndex: input.pageIndex, pageSize: input.pageSize },
    body: input.customerIds && input.customerIds.length > 0 ? { customerIds: [...input.customerIds] } : {},
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  };
}

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
const code = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

function label<K extends number>(labels: Readonly<Record<K, string>>, value: number | null): string | null {
  if (value === null) return null;
  return (labels as Record<number, string | undefined>)[value] ?? `Unknown (${value})`;
}

/** A customer from the wire; throws only when it has no usable `id` (or a tenant has none). */
export function normalizeCustomer(raw: unknown, where = 'data[]'): Customer {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
    throw invalidResponse(`${where}.id is missing`, {}, raw);
  }
  const tenants = raw.tenants === null || raw.tenants === undefined ? [] : raw.tenants;
  if (!Array.isArray(tenants)) throw invalidResponse(`${where}.tenants is not an array`, {}, raw);
  const jobStatus = code(raw.jobStatus);
  const managementMode = code(raw.managementMode);
  return {
    id: raw.id,
    organization: text(raw.organization),
    ownerEmail: text(raw.ownerEmail),
    countryOrRegion: text(raw.countryOrRegion),
    jobStatus,
    jobStatusLabel: label(JOB_STATUS_LABELS, jobStatus),
    managementMode,
    managementModeLabel: label(MANAGEMENT_MODE_LABELS, managementMode),
    tenants: tenants.map((tenant, i) => {
      if (!isRecord(tenant) || typeof tenant.id !== 'string' || tenant.id === '')
        throw invalidResponse(`${where}.tenants[${i}].id is missing`, {}, raw);
      return { id: tenant.id, name: text(tenant.name) };
    }),
  };
}

export function normalizeCustomersPage(body: unknown, ctx: ResponseContext = {}): Page<Customer> {
  return normalizePage(body, ctx, normalizeCustomer);
}
