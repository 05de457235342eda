import { describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointInputError, DEFAULT_RETRY_POLICY } from '../../src/index.js';
import { BASE_URL, CUSTOMER, TENANT, TOKEN_URL, createFakeApi, fakeTime, createFakeClient } from '../support/fake-api.js';

function setup(users = 250) {
  const api = createFakeApi({ users });
  const time = fakeTime();
  const client = createFakeClient(api, time, { random: () => 0.5 });
  return { api, time, client };
}

describe('getUsersPage', () => {
  it('sends the documented POST with explicit paging, JSON body, bearer token and user agent', async () => {
    const { api, client } = setup();
    const page = await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT, pageIndex: 2, pageSize: 50 });
    expect(page.pageIndex).toBe(2);
    expect(page.pageSize).toBe(50);
    expect(page.totalCount).toBe(250);
    expect(page.users.map((u) => u.id)).toEqual(api.users.slice(50, 100).map((u) => u.id));

    const [token, call] = api.requests;
    expect(token!.url.href).toBe(TOKEN_URL);
    expect(new URLSearchParams(token!.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(token!.body).get('scope')).toBe('elements.um.user.read.all');
    expect(call!.method).toBe('POST');
    expect(call!.url.pathname).toBe(`/partner/external/v3/um/customers/${CUSTOMER}/tenants/${TENANT}/users/batch`);
    expect(call!.url.searchParams.get('pageIndex')).toBe('2');
    expect(call!.url.searchParams.get('pageSize')).toBe('50');
    expect(call!.headers.get('content-type')).toBe('application/json');
    expect(call!.headers.get('authorization')).toBe('Bearer token-1-abcdefgh');
    expect(call!.headers.get('user-agent')).toMatch(/^avepoint-graph-kit-core\//);
    expect(JSON.parse(call!.body)).toEqual({});
  });

  it('normalizes status given as a bare integer to an array', async () => {
    const { client } = setup();
    const page = await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT, pageSize: 3 });
    expect(page.users.map((u) => u.status)).toEqual([[0, 1], [6], []]);
  });

  it('sends the user IDs in the body', async () => {
    const { api, client } = setup();
    const ids = [api.users[3]!.id, api.users[7]!.id];
    const page = await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT, userIds: ids });
    expect(JSON.parse(api.apiRequests()[0]!.body)).toEqual({ userIds: ids });
    expect(page.users.map((u) => u.id)).toEqual(ids);
  });

  it('rejects bad input with the field and rule before any request', async () => {
    const { api, client } = setup();
    const bad = client.getUsersPage({ customerId: 'nope', tenantId: TENANT });
    await expect(bad).rejects.toBeInstanceOf(AvePointInputError);
    await expect(bad).rejects.toMatchObject({ field: 'customerId', code: 'INPUT_INVALID' });
    await expect(client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT, pageSize: 101 })).rejects.toMatchObject({ field: 'pageSize' });
    expect(api.requests).toHaveLength(0);
  });

  it('turns a 200 whose body is not JSON into INVALID_RESPONSE, not a SyntaxError', async () => {
    const { api, client } = setup();
    api.script((r) => (r.url.origin === BASE_URL ? new Response('<html>maintenance</html>', { status: 200 }) : undefined));
    const error = await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it('turns an empty 200 and a wrong JSON shape into INVALID_RESPONSE', async () => {
    const { api, client } = setup();
    let n = 0;
    api.script((r) => {
      if (r.url.origin !== BASE_URL) return undefined;
      n++;
      return n === 1 ? new Response('', { status: 200 }) : api.json(200, { users: [] });
    });
    await expect(client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    await expect(client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
  ] as const)('classifies HTTP %i as %s with the request id and parsed body, without retrying', async (status, code) => {
    const { api, client } = setup();
    api.script((r) => (r.url.origin === BASE_URL ? api.json(status, { message: 'nope' }, { 'x-request-id': 'rid-42' }) : undefined));
    const error = (await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT }).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code, status, requestId: 'rid-42', body: { message: 'nope' }, retryCount: 0 });
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('client.api gives typed calls whose responses can still be read as usual', async () => {
    const { api, client } = setup();
    const { data, response } = await client.api.POST('/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch', {
      params: { path: { customerId: CUSTOMER, tenantId: TENANT }, query: { pageIndex: 1, pageSize: 2 } },
      body: { userIds: [api.users[4]!.id] },
    });
    expect(response.status).toBe(200);
    expect(data?.data.map((u) => u.id)).toEqual([api.users[4]!.id]);
    expect(data?.metadata.totalCount).toBe(1);
  });

  it('classifies HTTP 500 as SERVER_ERROR after the retries a read may spend', async () => {
    const { api, client } = setup();
    api.script((r) => (r.url.origin === BASE_URL ? api.json(500, { message: 'nope' }, { 'x-request-id': 'rid-43' }) : undefined));
    const error = (await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT }).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500, requestId: 'rid-43', body: { message: 'nope' } });
    // Up to maxRetries, or fewer when the waits would pass the stall limit (60 s without success).
    expect(error.retryCount).toBeGreaterThan(5);
    expect(error.retryCount).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxRetries);
    expect(api.apiRequests()).toHaveLength(error.retryCount + 1);
  });

  it('accepts a text error body', async () => {
    const { api, client } = setup();
    api.script((r) => (r.url.origin === BASE_URL ? new Response('upstream broke', { status: 500 }) : undefined));
    await expect(client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })).rejects.toMatchObject({ code: 'SERVER_ERROR', body: 'upstream broke' });
  });
});
