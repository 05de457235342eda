// The partner's customers with their tenants (the customers batch endpoint), through the listing
// engine like users: every customer once, in page order, exact while the list changes.
import {
  AvePointInputError,
  apiErrorFromResponse,
  buildCustomersBatchRequest,
  DEFAULT_CUSTOMERS_PAGE_SIZE,
  idKey,
  normalizeCustomersPage,
  requestIdOf,
  validateListingInput,
  MAX_IDS_PER_REQUEST,
  type Customer,
  type InconsistencyReport,
  type ListingInput,
} from '../protocol/index.js';
import type { Page } from '../protocol/pages.js';
import { validateCallback, validateSignal, validateUserIdArray } from '../protocol/validate.js';
import { describeValue } from '../protocol/guards.js';
import { listPages, lookUpIds, type Scheduler } from '../engine/index.js';
import type { Send } from '../transport/http.js';
import { parseBody } from './users-page.js';

/** How to read the customers: a listing like any other (ListingInput), of some or all of them. */
export interface ListCustomersRequest extends ListingInput {
  /** Only these customers (any number; chunked). Absent: every customer of the partner. */
  customerIds?: readonly string[] | undefined;
  /** Customers per request, 1 to 100 (default 50, the endpoint's documented default). */
  pageSize?: number | undefined;
  onInconsistency?: ((report: InconsistencyReport) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** One page request of the customers endpoint; resolves to the reading of its answer. */
export async function requestCustomersPage(
  send: Send,
  baseUrl: string,
  input: { pageIndex: number; pageSize: number; customerIds?: readonly string[] | undefined },
  signal: AbortSignal | undefined,
): Promise<() => Page<Customer>> {
  const request = buildCustomersBatchRequest(input);
  const response = await send({
    url: `${baseUrl.replace(/\/+$/, '')}${request.path}?pageIndex=${request.query.pageIndex}&pageSize=${request.query.pageSize}`,
    method: request.method,
    headers: request.headers,
    body: JSON.stringify(request.body),
    signal,
    redirect: 'manual',
  });
  if (response.status < 200 || response.status >= 300) {
    throw apiErrorFromResponse({ status: response.status, headers: response.headers, body: parseBody(response), resource: 'customers' });
  }
  return () =>
    normalizeCustomersPage(parseBody(response), {
      status: response.status,
      requestId: requestIdOf(response.headers),
      requested: { pageIndex: input.pageIndex, pageSize: input.pageSize },
    });
}

export interface CustomersDeps {
  getPage: (
    input: { pageIndex: number; pageSize: number; customerIds?: readonly string[] },
    signal: AbortSignal,
  ) => Promise<() => Page<Customer>>;
  scheduler: (concurrency: number) => Scheduler;
}

const customerKey = (customer: Customer): string => customer.id;

export function listCustomers(deps: CustomersDeps, request: ListCustomersRequest = {}): AsyncGenerator<Customer, void, undefined> {
  if (typeof request !== 'object' || request === null) throw new AvePointInputError('input', 'must be an object', describeValue(request));
  const valid = validateListingInput({ ...request, pageSize: request.pageSize ?? DEFAULT_CUSTOMERS_PAGE_SIZE });
  const customerIds = request.customerIds === undefined ? undefined : validateUserIdArray('customerIds', request.customerIds);
  const signal = validateSignal(request.signal);
  const onInconsistency = validateCallback<(report: InconsistencyReport) => void>('onInconsistency', request.onInconsistency);
  const scheduler = deps.scheduler(valid.concurrency);
  return (async function* () {
    if (customerIds !== undefined) {
      if (customerIds.length === 0) return;
      const found = await lookUpIds<Customer>({
        ids: customerIds,
        getPage: async (ids, r) => (await deps.getPage({ customerIds: ids, pageIndex: r.pageIndex, pageSize: r.pageSize }, r.signal))(),
        keyOf: customerKey,
        scheduler,
        concurrency: valid.concurrency,
        chunkSize: MAX_IDS_PER_REQUEST,
        maxPasses: valid.maxPasses,
        consistency: valid.consistency,
        onInconsistency,
        signal,
        noun: 'customers',
      });
      // In the order asked, each once.
      const byId = new Map(found.map((c) => [idKey(c.id), c]));
      let left = valid.limit ?? Number.POSITIVE_INFINITY;
      for (const id of customerIds) {
        const customer = byId.get(idKey(id));
        if (!customer || left-- <= 0) continue;
        yield customer;
      }
      return;
    }
    const pages = listPages<Customer>({
      getPage: async (r) => await deps.getPage({ pageIndex: r.pageIndex, pageSize: r.pageSize }, r.signal),
      keyOf: customerKey,
      scheduler,
      pageSize: valid.pageSize,
      concurrency: valid.concurrency,
      limit: valid.limit,
      resumeFrom: valid.resumeFrom,
      maxPasses: valid.maxPasses,
      consistency: valid.consistency,
      onInconsistency,
      signal,
      noun: 'customers',
    });
    for await (const page of pages) yield* page.items;
  })();
}
