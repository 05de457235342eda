// Every user of every tenant the app can see: the customers listing, then each tenant's users
// listing, `tenantConcurrency` tenants at a time, their users handed on as they come (in page order
// within a tenant). Memory stays that of a few listings, however many tenants there are.
import {
  AvePointError,
  AvePointInputError,
  MAX_CONCURRENCY,
  type Consistency,
  type Customer,
  type InconsistencyReport,
  type User,
} from '../protocol/index.js';
import { validateCallback, validateSignal } from '../protocol/validate.js';
import { describeValue } from '../protocol/guards.js';
import { abortScope } from '../engine/index.js';
import type { ListedUsersPage, ListUsersRequest } from './listings.js';
import type { ListCustomersRequest } from './customers.js';

export interface TenantUser {
  customerId: string;
  /** The customer's organization name. */
  customerName: string | null;
  tenantId: string;
  tenantName: string | null;
  user: User;
}

export interface TenantFailure {
  customerId: string;
  customerName: string | null;
  tenantId: string;
  tenantName: string | null;
  error: unknown;
}

export interface UsersAcrossTenantsRequest {
  /** Only these customers' tenants; every customer the app can see by default. */
  customerIds?: readonly string[] | undefined;
  /** Tenants read at once (default 2, at most 16); each reads `concurrency` pages at once. */
  tenantConcurrency?: number | undefined;
  pageSize?: number | undefined;
  concurrency?: number | undefined;
  maxPasses?: number | undefined;
  /** 'strict': a tenant that kept changing ends the listing (AvePointConsistencyError). */
  consistency?: Consistency | undefined;
  /** A tenant that failed (403 out of scope, a service error after retries); the listing goes on. */
  onTenantError?: ((failure: TenantFailure) => void) | undefined;
  /** End the listing at the first tenant that fails, instead of reporting it and going on. */
  failFast?: boolean | undefined;
  onInconsistency?: ((report: InconsistencyReport & { customerId: string; tenantId: string }) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface AcrossTenantsDeps {
  listCustomers: (request: ListCustomersRequest) => AsyncGenerator<Customer, void, undefined>;
  listUsersPages: (request: ListUsersRequest) => AsyncGenerator<ListedUsersPage, void, undefined>;
}

export const DEFAULT_TENANT_CONCURRENCY = 2;

interface Slot {
  tenant: Omit<TenantFailure, 'error'>;
  pages: AsyncGenerator<ListedUsersPage, void, undefined>;
}

type Step = { slot: Slot; page: ListedUsersPage } | { slot: Slot; done: true } | { slot: Slot; error: unknown };

export function listUsersAcrossTenants(
  deps: AcrossTenantsDeps,
  request: UsersAcrossTenantsRequest = {},
): AsyncGenerator<TenantUser, void, undefined> {
  if (typeof request !== 'object' || request === null) throw new AvePointInputError('input', 'must be an object', describeValue(request));
  const tenantConcurrency = request.tenantConcurrency ?? DEFAULT_TENANT_CONCURRENCY;
  if (!Number.isInteger(tenantConcurrency) || tenantConcurrency < 1 || tenantConcurrency > MAX_CONCURRENCY) {
    throw new AvePointInputError('tenantConcurrency', `must be an integer from 1 to ${MAX_CONCURRENCY}`, describeValue(tenantConcurrency));
  }
  const signal = validateSignal(request.signal);
  const onTenantError = validateCallback<(failure: TenantFailure) => void>('onTenantError', request.onTenantError);
  const onInconsistency = validateCallback<NonNullable<UsersAcrossTenantsRequest['onInconsistency']>>(
    'onInconsistency',
    request.onInconsistency,
  );
  const customers = deps.listCustomers({ customerIds: request.customerIds, signal });

  return (async function* () {
    // The tenant list is small (a partner's tenants), the users are not: only the users stream.
    const tenants: Array<Omit<TenantFailure, 'error'>> = [];
    for await (const customer of customers) {
      for (const tenant of customer.tenants) {
        tenants.push({ customerId: customer.id, customerName: customer.organization, tenantId: tenant.id, tenantName: tenant.name });
      }
    }
    let next = 0;
    const running = new Map<Slot, Promise<Step>>();
    const scope = abortScope(signal);
    const pull = (slot: Slot): Promise<Step> =>
      slot.pages.next().then(
        (result): Step => (result.done ? { slot, done: true } : { slot, page: result.value }),
        (error: unknown): Step => ({ slot, error }),
      );
    const open = () => {
      const tenant = tenants[next++];
      if (!tenant) return;
      const pages = deps.listUsersPages({
        customerId: tenant.customerId,
        tenantId: tenant.tenantId,
        pageSize: request.pageSize,
        concurrency: request.concurrency,
        maxPasses: request.maxPasses,
        consistency: request.consistency,
        signal: scope.child().controller.signal,
        onInconsistency:
          onInconsistency && ((report) => onInconsistency({ ...report, customerId: tenant.customerId, tenantId: tenant.tenantId })),
      });
      const slot: Slot = { tenant, pages };
      running.set(slot, pull(slot));
    };
    try {
      for (let i = 0; i < tenantConcurrency; i++) open();
      while (running.size > 0) {
        const step = await Promise.race(running.values());
        running.delete(step.slot);
        if ('error' in step) {
          const strict =
            request.failFast === true ||
            (request.consistency === 'strict' && step.error instanceof AvePointError && step.error.code === 'INCONSISTENT_LISTING');
          if (strict || signal?.aborted) throw step.error;
          onTenantError?.({ ...step.slot.tenant, error: step.error });
          open();
          continue;
        }
        if ('done' in step) {
          open();
          continue;
        }
        const { tenant } = step.slot;
        for (const user of step.page.users) {
          signal?.throwIfAborted();
          yield {
            customerId: tenant.customerId,
            customerName: tenant.customerName,
            tenantId: tenant.tenantId,
            tenantName: tenant.tenantName,
            user,
          };
        }
        running.set(step.slot, pull(step.slot));
      }
    } finally {
      // Stopped early (break, error, abort): cancel the listings still open.
      scope.close();
    }
  })();
}
