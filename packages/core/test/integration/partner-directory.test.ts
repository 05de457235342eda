// Core's partner-directory calls against the sandbox over HTTP: customers with their tenants, one
// user in full, every user of every tenant, tokens asked per permission, the status filter.
import { startSandbox, type FaultRule, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AvePointApiError,
  AvePointAuthError,
  AvePointConsistencyError,
  createUsersClient,
  hasStatus,
  type Customer,
  type InconsistencyReport,
  type TenantFailure,
  type UsersClient,
} from '../../src/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ users: 130, seed: 5 });
});
afterAll(() => sb.close());

const client = (credentials = { clientId: sb.clientId, clientSecret: sb.clientSecret }, extra: Record<string, unknown> = {}): UsersClient =>
  createUsersClient({ baseUrl: sb.baseUrl, tokenUrl: sb.tokenUrl, credentials, sleep: async () => undefined, ...extra });

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('listCustomers', () => {
  it("lists the customers the app may see, each with its tenants (none for one), in the service's order", async () => {
    const customers = await all(client().listCustomers({ pageSize: 2 }));
    const visible = sb.customers.filter((c) => c.inScope);
    expect(customers.map((c) => c.id)).toEqual(visible.map((c) => c.customerId));
    const tailspin = customers.find((c) => c.organization === 'Tailspin Toys')!;
    expect(tailspin.tenants).toEqual([]);
    const contoso = customers[0]!;
    expect(contoso.tenants.map((t) => t.name)).toEqual(['Contoso Production', 'Contoso Lab', 'Contoso Staging']);
    for (const customer of customers)
      expect(customer).toEqual(expectedCustomer(sb.customers.indexOf(sb.customers.find((c) => c.customerId === customer.id)!)));
  });

  it('reads from resumeFrom on, page by page, with limit: one page of a picker', async () => {
    const visible = sb.customers.filter((c) => c.inScope).map((c) => c.customerId);
    const second = await all(client().listCustomers({ pageSize: 2, resumeFrom: 2, limit: 2, concurrency: 1 }));
    expect(second.map((c) => c.id)).toEqual(visible.slice(2, 4));
    expect(() => client().listCustomers({ resumeFrom: 0 })).toThrow(/resumeFrom/);
  });

  it('filters by customerIds, in the order asked, and ignores IDs the partner does not have', async () => {
    const [a, b] = [sb.customers[3]!.customerId, sb.customers[0]!.customerId];
    const unknown = '11111111-2222-4333-8444-555555555555';
    const customers = await all(client().listCustomers({ customerIds: [a, unknown, b.toUpperCase()] }));
    expect(customers.map((c) => c.id)).toEqual([a, b]);
  });

  it('an app without elements.customers.read.all gets a typed error naming it, and its users calls work as before', async () => {
    sb.resetStats();
    const usersOnly = client(sb.usersOnlyClient);
    const tenant = { customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId };
    expect((await usersOnly.getUsersPage({ ...tenant, pageSize: 5 })).users).toHaveLength(5);
    expect(sb.stats().tokenRequests).toBe(1);
    const error = await all(usersOnly.listCustomers()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointAuthError);
    expect(error).toMatchObject({ oauthError: 'invalid_scope', permission: 'elements.customers.read.all' });
    expect((error as Error).message).toMatch(/lacks the elements\.customers\.read\.all permission/);
    // The users token is untouched: users calls go on.
    expect((await usersOnly.getUsersPage({ ...tenant, pageSize: 5 })).users).toHaveLength(5);
  });

  it('a token without the customers permission answered 403 names it too', async () => {
    const withToken = createUsersClient({ baseUrl: sb.baseUrl, credentials: { accessToken: await usersOnlyToken() } });
    const error = await all(withToken.listCustomers()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, permission: 'elements.customers.read.all' });
  });
});

describe('listCustomers against a service that pages otherwise', () => {
  const onCustomers = (rule: FaultRule): FaultRule => ({ ...rule, match: { path: 'customers', ...rule.match } });
  const visibleIds = () => sb.customers.filter((c) => c.inScope).map((c) => c.customerId);
  afterEach(() => sb.setFaults([]));

  it('one that serves fewer per page than asked (and says so) is read to the end, each customer once', async () => {
    const capped = await startSandbox({ users: 5, seed: 5, maxServedPageSize: 2 });
    try {
      const c = createUsersClient({
        baseUrl: capped.baseUrl,
        tokenUrl: capped.tokenUrl,
        credentials: { clientId: capped.clientId, clientSecret: capped.clientSecret },
      });
      capped.resetStats();
      const customers = await all(c.listCustomers());
      expect(customers.map((x) => x.id)).toEqual(capped.customers.filter((x) => x.inScope).map((x) => x.customerId));
      expect(capped.stats().apiRequests).toBeGreaterThan(1);
    } finally {
      await capped.close();
    }
  });

  it('one that serves more per page than asked is followed, each customer once', async () => {
    sb.setFaults([onCustomers({ servePageSize: 3 })]);
    expect((await all(client().listCustomers({ pageSize: 2 }))).map((c) => c.id)).toEqual(visibleIds());
  });

  it('a list that grows while it is read: each customer once, reported; strict mode throws', async () => {
    sb.setFaults([onCustomers({ totalCount: { addPerRequest: 1 } })]);
    const reports: unknown[] = [];
    const customers = await all(client().listCustomers({ pageSize: 2, onInconsistency: (r) => reports.push(r) }));
    expect(customers.map((c) => c.id)).toEqual(visibleIds());
    expect(reports).toHaveLength(1);
    sb.setFaults([onCustomers({ totalCount: { addPerRequest: 1 } })]);
    const error = await all(client().listCustomers({ pageSize: 2, consistency: 'strict' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointConsistencyError);
  });

  it.each([
    ['ignores pageIndex', { ignorePageIndex: true }, /ignore pageIndex/],
    ['counts "12" customers', { totalCount: '12' }, /safe integer \("12"\)/],
  ] as Array<[string, FaultRule, RegExp]>)('one that %s is INVALID_RESPONSE', async (_, rule, message) => {
    sb.setFaults([onCustomers(rule)]);
    const error = await all(client().listCustomers({ pageSize: 2 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(message) });
  });

  it('one that claims 1e11 customers costs a few requests, not the process: every customer once, the lie reported', async () => {
    sb.setFaults([onCustomers({ totalCount: 1e11 })]);
    sb.resetStats();
    const reports: InconsistencyReport[] = [];
    const customers = await all(client().listCustomers({ pageSize: 2, onInconsistency: (r) => reports.push(r) }));
    expect(customers.map((c) => c.id)).toEqual(visibleIds());
    expect(reports).toMatchObject([{ passes: 3, totalCounts: [1e11] }]);
    expect(sb.stats().apiRequests).toBeLessThan(50);
  });
});

describe('getUser', () => {
  it('returns the user in full, consistent with the batch view', async () => {
    const user = await client().getUser({
      customerId: sb.customers[0]!.customerId,
      tenantId: sb.customers[0]!.tenants[0]!.tenantId,
      userId: sb.userAt(0, 0, 17).id,
    });
    const batch = sb.userAt(0, 0, 17);
    expect(user).toMatchObject({
      id: batch.id,
      displayName: batch.displayName,
      mail: batch.mail,
      status: batch.status,
      countryRegion: batch.countryOrRegion,
    });
    expect(Array.isArray(user.alternateEmailAddress)).toBe(true);
    expect(user).toEqual({ ...sb.userDetailAt(0, 0, 17), status: batch.status, alternateEmailAddress: user.alternateEmailAddress });
  });

  it('is NOT_FOUND for an ID the tenant does not have, and checks its IDs first', async () => {
    const error = await client()
      .getUser({
        customerId: sb.customers[0]!.customerId,
        tenantId: sb.customers[0]!.tenants[0]!.tenantId,
        userId: '11111111-2222-4333-8444-555555555555',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no such user/) });
    await expect(client().getUser({ customerId: 'x', tenantId: 'y', userId: 'z' })).rejects.toMatchObject({ field: 'customerId' });
  });
});

describe('listUsersAcrossTenants', () => {
  it('yields every user of every tenant the app may see, with the customer and tenant, and filters by status', async () => {
    const rows = await all(client().listUsersAcrossTenants({ tenantConcurrency: 3 }));
    const expected = sb.customers.filter((c) => c.inScope).flatMap((c) => c.tenants.map((t) => ({ c, t })));
    for (const { c, t } of expected) {
      const mine = rows.filter((r) => r.tenantId === t.tenantId);
      expect(mine, t.name).toHaveLength(t.users);
      expect(new Set(mine.map((r) => r.user.id)).size).toBe(t.users);
      expect(mine.every((r) => r.customerId === c.customerId && r.tenantName === t.name && r.customerName === c.name)).toBe(true);
    }
    expect(rows).toHaveLength(expected.reduce((n, { t }) => n + t.users, 0));
    const mfa = rows.filter((r) => hasStatus(r.user, ['mfaDisabled']));
    expect(mfa.length).toBeGreaterThan(0);
    expect(mfa.every((r) => r.user.status.includes(0))).toBe(true);
  });

  it('reports a tenant that fails and goes on; failFast ends the listing there', async () => {
    const failing = sb.customers[2]!.tenants[1]!.tenantId;
    sb.setFaults([{ match: { path: 'users', tenantId: failing }, status: 503, retryAfter: '3600' }]);
    try {
      const failures: TenantFailure[] = [];
      const rows = await all(client().listUsersAcrossTenants({ onTenantError: (f) => failures.push(f) }));
      expect(failures.map((f) => [f.tenantId, (f.error as { code?: string }).code])).toEqual([[failing, 'UNAVAILABLE']]);
      expect(rows.some((r) => r.tenantId === failing)).toBe(false);
      expect(rows.length).toBeGreaterThan(0);
      await expect(all(client().listUsersAcrossTenants({ failFast: true }))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      sb.setFaults([]);
    }
  });
});

describe('hasStatus', () => {
  it('takes codes, names, kebab-case names and labels', () => {
    const user = { status: [1, 6] };
    expect(hasStatus(user, ['signInBlocked'])).toBe(true);
    expect(hasStatus(user, ['sign-in-blocked'])).toBe(true);
    expect(hasStatus(user, ['Inactive'])).toBe(true);
    expect(hasStatus(user, [6])).toBe(true);
    expect(hasStatus(user, ['mfaDisabled', 'testUser'])).toBe(false);
    expect(hasStatus({ status: 0 }, ['mfa-disabled'])).toBe(true);
  });
});

function expectedCustomer(index: number): Customer {
  const wire = sb.customerAt(index) as {
    id: string;
    organization: string;
    ownerEmail: string;
    jobStatus: number;
    countryOrRegion: string;
    managementMode: number;
    tenants: Array<{ id: string; name: string }>;
  };
  return expect.objectContaining({
    id: wire.id,
    organization: wire.organization,
    ownerEmail: wire.ownerEmail,
    jobStatus: wire.jobStatus,
    managementMode: wire.managementMode,
    tenants: wire.tenants,
    jobStatusLabel: expect.any(String),
    managementModeLabel: expect.any(String),
  }) as Customer;
}

async function usersOnlyToken(): Promise<string> {
  const res = await fetch(sb.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sb.usersOnlyClient.clientId,
      client_secret: sb.usersOnlyClient.clientSecret,
      scope: 'elements.um.user.read.all',
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
