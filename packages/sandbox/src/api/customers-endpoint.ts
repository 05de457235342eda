// POST /partner/external/v3/general/customers/batch: the partner's customers as the app may see
// them, in the layout's order, paged like the users batch endpoint. Checked in the gateway's
// order: bearer token (401), permission elements.customers.read.all (403), then paging and body
// (400). Customers outside the app's scope are absent, like IDs the partner does not have.
import { CUSTOMERS_READ_SCOPE } from '../auth/clients.js';
import type { TokenStore } from '../auth/token-store.js';
import { customerRecord, type SandboxCustomerRecord } from '../data/customers.js';
import type { CustomerModel } from '../data/tenancy.js';
import { reportedTotalCount, servedSlice } from '../faults/page-lies.js';
import type { PageLies } from '../faults/types.js';
import { jsonError, type Reply } from '../http/io.js';
import { authorize } from './authorize.js';
import { DEFAULT_CUSTOMERS_PAGE_SIZE, ParameterError, parseIdList, parsePageQuery } from './parameters.js';

export const CUSTOMERS_PATH = /^\/partner\/external\/v3\/general\/customers\/batch\/?$/;

export interface CustomersEndpointContext {
  customers: readonly CustomerModel[];
  store: TokenStore;
  now: () => number;
  /** Most `customerIds` in one request (the spec's maxItems, 100). */
  maxCustomerIds: number;
  /** Serve at most this many customers per page, reported in `metadata.pageSize` (as for users). */
  maxServedPageSize: number;
}

export interface CustomersRequest {
  method: string;
  authorization: string | undefined;
  query: URLSearchParams;
  body: string;
  isJson: boolean;
  /** Paging faults that fired on this request. */
  lies?: PageLies;
}

export interface CustomersPage {
  data: SandboxCustomerRecord[];
  metadata: { pageIndex: number; pageSize: number; totalCount: number };
}

export function handleCustomersRequest(req: CustomersRequest, ctx: CustomersEndpointContext): Reply {
  if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: { error: 'method_not_allowed', message: 'use POST' } };
  const authorized = authorize(req.authorization, ctx.store, ctx.now(), CUSTOMERS_READ_SCOPE);
  if (!authorized.ok) return authorized.reply;
  const { token } = authorized;
  try {
    const asked = parsePageQuery(req.query, DEFAULT_CUSTOMERS_PAGE_SIZE);
    const lies = req.lies;
    // The same paging as the users endpoint: an honest cap reports what it serves; a lie echoes the request.
    const query = lies?.servePageSize !== undefined ? asked : { ...asked, pageSize: Math.min(asked.pageSize, ctx.maxServedPageSize) };
    const served = (lies && servedSlice(query, lies)) ?? query;
    const ids = parseIdList(req.body, req.isJson, 'customerIds', ctx.maxCustomerIds);
    const wanted = ids === undefined ? undefined : new Set(ids);
    const visible = ctx.customers.filter((c) => token.customerIds.has(c.customerId) && (wanted === undefined || wanted.has(c.customerId)));
    const start = (served.pageIndex - 1) * served.pageSize;
    const totalCount = lies?.totalCount === undefined ? visible.length : reportedTotalCount(visible.length, lies);
    const page: CustomersPage = {
      data: visible.slice(start, start + served.pageSize).map(customerRecord),
      metadata: { pageIndex: query.pageIndex, pageSize: query.pageSize, totalCount: totalCount as number },
    };
    return { status: 200, body: page };
  } catch (error) {
    if (error instanceof ParameterError) return jsonError(400, 'invalid_parameter', error.message, { parameter: error.parameter });
    throw error;
  }
}
