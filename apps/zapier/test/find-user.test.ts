// Search "Find User" through Zapier's app tester against the sandbox over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_DETAIL_OUTPUT_FIELDS } from '../src/user-detail-output.js';
import { app, appTester, connect, detailsOf, failure, type Connected } from './helpers/sandbox.js';

let c: Connected;
beforeAll(async () => {
  c = await connect({ users: 40 });
});
afterAll(() => c.sandbox.close());

const find = (inputData: Record<string, unknown>, authData = c.authData) =>
  appTester(app.searches.findUser.operation.perform, { authData, inputData }) as Promise<Array<Record<string, unknown>>>;

describe('findUser', () => {
  it('returns the user in full, with status labels next to the codes, in one request', async () => {
    c.sandbox.resetStats();
    const detail = c.sandbox.userDetailAt(0, 0, 0);
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userId: detail.id });
    expect(c.sandbox.stats().apiRequests).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0]).toEqual({ ...detail, statusLabels: ['MFA disabled', 'Medium risk', 'Pending deletion'] });
    expect(results[0]?.status).toEqual([0, 4, 7]);
  });

  it('describes every field the one-user endpoint serves in outputFields', async () => {
    const [result] = await find({ customerId: c.customerId, tenantId: c.tenantId, userId: c.sandbox.userAt(0, 0, 12).id });
    const described = new Set(USER_DETAIL_OUTPUT_FIELDS.map((f) => f.key.replace(/\[\]$/, '')));
    expect(Object.keys(result ?? {}).filter((key) => !described.has(key))).toEqual([]);
    expect(Array.isArray(result?.alternateEmailAddress)).toBe(true);
  });

  it('accepts typed IDs with stray spaces and in upper case', async () => {
    const user = c.sandbox.userAt(0, 0, 7);
    const results = await find({ customerId: ` ${c.customerId.toUpperCase()}`, tenantId: `${c.tenantId} `, userId: user.id.toUpperCase() });
    expect(results.map((r) => r.id)).toEqual([user.id]);
  });

  it('returns [] (not an error) when the tenant has no such user, having checked that the tenant exists', async () => {
    c.sandbox.resetStats();
    const results = await find({ customerId: c.customerId, tenantId: c.tenantId, userId: '00000000-0000-4000-8000-000000000001' });
    expect(results).toEqual([]);
    expect(c.sandbox.stats().apiRequests).toBe(2);
  });

  it('an unknown tenant is an error naming Customer ID and Tenant ID, not "not found"', async () => {
    const error = await failure(
      find({ customerId: c.customerId, tenantId: '00000000-0000-4000-8000-00000000abcd', userId: c.sandbox.userAt(0, 0, 1).id }),
    );
    expect(detailsOf(error)).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(detailsOf(error).message).toMatch(/Customer ID and Tenant ID/);
  });

  it('a customer outside the app is the 403 with what to change in Elements', async () => {
    const outside = c.sandbox.customers.find((customer) => !customer.inScope);
    const error = await failure(
      find({ customerId: outside?.customerId, tenantId: outside?.tenants[0]?.tenantId, userId: c.sandbox.userAt(0, 0, 1).id }),
    );
    expect(detailsOf(error)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(detailsOf(error).message).toMatch(/elements\.um\.user\.read\.all/);
  });

  it('names the field to fix for a bad ID, without calling the API', async () => {
    c.sandbox.resetStats();
    const error = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userId: 'nope' }));
    expect(detailsOf(error)).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(detailsOf(error).message).toMatch(/"User ID".*GUID/);
    expect(c.sandbox.stats().apiRequests).toBe(0);
  });

  it('turns an expired token into RefreshAuthError', async () => {
    c.sandbox.expireTokens();
    const error = await failure(find({ customerId: c.customerId, tenantId: c.tenantId, userId: c.sandbox.userAt(0, 0, 2).id }));
    expect(error.name).toBe('RefreshAuthError');
    const session = (await appTester(app.authentication.sessionConfig.perform, { authData: c.authData })) as { accessToken: string };
    c.authData = { ...c.authData, ...session };
  });
});
