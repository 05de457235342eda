// Search "Find Users (Batch)" through Zapier's app tester against the sandbox over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDS_PER_SEARCH } from '../src/searches/find-users.js';
import { app, appTester, connect, detailsOf, failure, type Connected } from './helpers/sandbox.js';

let c: Connected;
beforeAll(async () => {
  c = await connect({ users: 250 });
});
afterAll(() => c.sandbox.close());

const find = (inputData: Record<string, unknown>, authData = c.authData) =>
  appTester(app.searches.findUsers.operation.perform, { authData, inputData }) as Promise<Array<Record<string, unknown>>>;

describe('findUsers', () => {
  it('returns one result per user, in the order asked, with status labels next to the codes', async () => {
    const wanted = [17, 3, 240].map((i) => c.sandbox.userAt(0, 0, i));
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userIds: wanted.map((u) => u.id) });
    expect(results.map((r) => r.id)).toEqual(wanted.map((u) => u.id));
    expect(results[0]).toMatchObject({ displayName: wanted[0]?.displayName, status: wanted[0]?.status });
    const labels = {
      0: 'MFA disabled',
      1: 'Sign-in blocked',
      2: 'Password expired',
      3: 'High risk',
      4: 'Medium risk',
      5: 'Compliance',
      6: 'Inactive',
      7: 'Pending deletion',
      8: 'Test user',
    } as Record<number, string>;
    for (const [n, result] of results.entries()) {
      expect(result.statusLabels).toEqual((wanted[n]?.status ?? []).map((code) => labels[code]));
    }
  });

  it('accepts a comma-separated string inside a list entry, and de-duplicates', async () => {
    const [a, b, d] = [5, 6, 7].map((i) => c.sandbox.userAt(0, 0, i).id);
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userIds: [`${a}, ${b}`, `${d}`, `${a?.toUpperCase()}`] });
    expect(results.map((r) => r.id)).toEqual([a, b, d]);
  });

  it('returns [] (not an error) when no ID matches', async () => {
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(results).toEqual([]);
  });

  it('reads a long list in chunks of 100 and keeps the asked order', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => c.sandbox.userAt(0, 0, 249 - i).id);
    c.sandbox.resetStats();
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userIds: ids });
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(c.sandbox.stats().apiRequests).toBe(3);
  });

  it(`refuses more than ${MAX_IDS_PER_SEARCH} IDs before sending anything, naming the field`, async () => {
    const ids = Array.from({ length: MAX_IDS_PER_SEARCH + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    c.sandbox.resetStats();
    const error = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userIds: ids }));
    expect(detailsOf(error).message).toMatch(/"User IDs".*1001 different IDs.*at most 1000/);
    expect(c.sandbox.stats().apiRequests).toBe(0);
  });

  it('names the field to fix for bad input, without calling the API', async () => {
    c.sandbox.resetStats();
    const badCustomer = await failure(find({ customerId: 'not-a-guid', tenantId: c.tenantId, userIds: [c.sandbox.userAt(0, 0, 1).id] }));
    expect(badCustomer.name).toBe('AppError');
    expect(detailsOf(badCustomer)).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(detailsOf(badCustomer).message).toMatch(/"Customer ID".*GUID/);
    const badId = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userIds: [c.sandbox.userAt(0, 0, 1).id, 'nope'] }));
    expect(detailsOf(badId).message).toMatch(/"User IDs \(entry 2\)"|"User IDs"/);
    expect(c.sandbox.stats().apiRequests).toBe(0);
  });

  it('explains a 403 (customer outside the app) with what to change in Elements', async () => {
    const outside = c.sandbox.customers.find((customer) => !customer.inScope);
    expect(outside).toBeDefined();
    const error = await failure(
      find({ customerId: outside?.customerId, tenantId: outside?.tenants[0]?.tenantId, userIds: [c.sandbox.userAt(0, 0, 1).id] }),
    );
    const details = detailsOf(error);
    expect(details).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(details.message).toMatch(/elements\.um\.user\.read\.all/);
    expect(details.message).toMatch(/Customer ID/);
  });

  it('explains a 404 (unknown tenant) by naming the Customer ID and Tenant ID fields', async () => {
    const error = await failure(
      find({ customerId: c.customerId, tenantId: '00000000-0000-4000-8000-00000000abcd', userIds: [c.sandbox.userAt(0, 0, 1).id] }),
    );
    expect(detailsOf(error)).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(detailsOf(error).message).toMatch(/Customer ID and Tenant ID/);
  });

  it("turns a 429 into Zapier's ThrottledError carrying the Retry-After delay", async () => {
    c.sandbox.setFaults([{ match: { path: 'users', first: 1 }, status: 429, retryAfter: '7' }]);
    try {
      const error = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userIds: [c.sandbox.userAt(0, 0, 1).id] }));
      expect(error.name).toBe('ThrottledError');
      expect(detailsOf(error).delay).toBe(7);
    } finally {
      c.sandbox.setFaults([]);
    }
  });

  it('turns an expired token into RefreshAuthError; the re-run exchange makes the call work again', async () => {
    c.sandbox.expireTokens();
    const ids = [c.sandbox.userAt(0, 0, 9).id];
    const error = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userIds: ids }));
    expect(error.name).toBe('RefreshAuthError');

    // What Zapier does on RefreshAuthError: run sessionConfig.perform, merge, retry.
    const session = (await appTester(app.authentication.sessionConfig.perform, { authData: c.authData })) as { accessToken: string };
    expect(session.accessToken).not.toBe(c.authData.accessToken);
    c.authData = { ...c.authData, ...session };
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userIds: ids });
    expect(results.map((r) => r.id)).toEqual(ids);
  });

  it('asks Zapier for a session when the connection has no token yet', async () => {
    const { accessToken: _drop, ...withoutToken } = c.authData;
    const error = await failure(
      find({ customerId: c.customerId, tenantId: c.tenantId, userIds: [c.sandbox.userAt(0, 0, 1).id] }, withoutToken),
    );
    expect(error.name).toBe('RefreshAuthError');
  });
});

describe('findUsers on a service that serves 50 users per page', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ users: 400, maxServedPageSize: 50 });
  });
  afterAll(() => c.sandbox.close());

  it('still finds all 230 asked users, in the order asked', async () => {
    const ids = [...Array(230).keys()].map((i) => c.sandbox.userAt(0, 0, 229 - i).id);
    const results = (await appTester(app.searches.findUsers.operation.perform, {
      authData: c.authData,
      inputData: { customerId: c.customerId, tenantId: c.tenantId, userIds: ids },
    })) as Array<{ id: string }>;
    expect(results.map((r) => r.id)).toEqual(ids);
  });
});
