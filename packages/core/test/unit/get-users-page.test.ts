import { afterEach, describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointInputError, DEFAULT_RETRY_POLICY } from '../../src/index.js';
import { closeSandboxes, jsonResponse, startInProcessSandbox, type InProcessOptions } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

async function setup(options: InProcessOptions = {}) {
  const s = await startInProcessSandbox(options);
  const client = s.client({ random: () => 0.5 });
  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => s.sb.userAt(0, 0, from + i).id);
  return { s, client, ids };
}

/** The sandbox's request id of its last answer: what an error must carry. */
const lastRequestId = (s: Awaited<ReturnType<typeof setup>>['s']) => s.sb.requests().at(-1)!.requestId;

describe('getUsersPage', () => {
  it('sends the documented POST with explicit paging, JSON body, bearer token and user agent', async () => {
    const { s, client, ids } = await setup();
    const page = await client.getUsersPage({ ...s.tenant, pageIndex: 2, pageSize: 50 });
    expect(page.pageIndex).toBe(2);
    expect(page.pageSize).toBe(50);
    expect(page.totalCount).toBe(250);
    expect(page.users.map((u) => u.id)).toEqual(ids(50, 100));

    const [token, call] = s.sent;
    expect(token!.url.href).toBe(s.sb.tokenUrl);
    expect(token!.method).toBe('POST');
    expect(new URLSearchParams(token!.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(token!.body).get('scope')).toBe('elements.um.user.read.all');
    expect(call!.method).toBe('POST');
    expect(call!.url.pathname).toBe(`/partner/external/v3/um/customers/${s.tenant.customerId}/tenants/${s.tenant.tenantId}/users/batch`);
    expect(call!.url.searchParams.get('pageIndex')).toBe('2');
    expect(call!.url.searchParams.get('pageSize')).toBe('50');
    expect(call!.headers.get('content-type')).toBe('application/json');
    expect(call!.headers.get('authorization')).toBe(`Bearer ${s.issuedTokens[0]}`);
    expect(call!.headers.get('user-agent')).toMatch(/^avepoint-graph-kit-core\//);
    expect(JSON.parse(call!.body)).toEqual({});
    // The sandbox took it as sent: the user agent it recorded is the client's, not fetch's default.
    expect(s.sb.requests().at(-1)!.headers.userAgent).toBe(call!.headers.get('user-agent'));
  });

  it('normalizes status given as a bare integer to an array', async () => {
    const { s, client } = await setup();
    s.sb.setFaults([{ match: { path: 'users' }, statusAsInteger: true }]);
    const page = await client.getUsersPage({ ...s.tenant, pageSize: 9 });
    // The integer form carries one status (the first) or none; the client turns it back into the array.
    const expected = Array.from({ length: 9 }, (_, i) => s.sb.userAt(0, 0, i).status.slice(0, 1));
    expect(expected.some((status) => status.length === 1)).toBe(true);
    expect(page.users.map((u) => u.status)).toEqual(expected);
  });

  it('sends the user IDs in the body', async () => {
    const { s, client } = await setup();
    const ids = [s.sb.userAt(0, 0, 3).id, s.sb.userAt(0, 0, 7).id];
    const page = await client.getUsersPage({ ...s.tenant, userIds: ids });
    expect(JSON.parse(s.apiRequests()[0]!.body)).toEqual({ userIds: ids });
    expect(page.users.map((u) => u.id)).toEqual(ids);
  });

  it('rejects bad input with the field and rule before any request', async () => {
    const { s, client } = await setup();
    const bad = client.getUsersPage({ customerId: 'nope', tenantId: s.tenant.tenantId });
    await expect(bad).rejects.toBeInstanceOf(AvePointInputError);
    await expect(bad).rejects.toMatchObject({ field: 'customerId', code: 'INPUT_INVALID' });
    await expect(client.getUsersPage({ ...s.tenant, pageSize: 101 })).rejects.toMatchObject({ field: 'pageSize' });
    expect(s.sent).toHaveLength(0);
  });

  it('turns a 200 whose body is not JSON into INVALID_RESPONSE, not a SyntaxError', async () => {
    const { s, client } = await setup();
    // No fault rule answers 200 with HTML (a maintenance page in front of the API): this test does.
    s.answer((r) =>
      r.url.href !== s.sb.tokenUrl
        ? new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } })
        : undefined,
    );
    const error = await client.getUsersPage(s.tenant).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it('turns an empty 200 and a wrong JSON shape into INVALID_RESPONSE', async () => {
    const { s, client } = await setup();
    // Neither is a body the sandbox serves: the first two API answers are this test's own.
    s.answer((r) => {
      if (r.url.href === s.sb.tokenUrl) return undefined;
      const n = s.apiRequests().length;
      return n === 1 ? new Response('', { status: 200 }) : n === 2 ? jsonResponse(200, { users: [] }) : undefined;
    });
    await expect(client.getUsersPage(s.tenant)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    await expect(client.getUsersPage(s.tenant)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    // A lying metadata (a totalCount that is not a count) is refused the same way, from the sandbox.
    s.sb.setFaults([{ match: { path: 'users' }, totalCount: '"12"' }]);
    await expect(client.getUsersPage(s.tenant)).rejects.toMatchObject({ code: 'INVALID_RESPONSE', status: 200 });
  });

  it.each([
    [400, 'BAD_REQUEST', 'invalid_parameter'],
    [403, 'FORBIDDEN', 'forbidden'],
    [404, 'NOT_FOUND', 'not_found'],
  ] as const)('classifies HTTP %i as %s with the request id and parsed body, without retrying', async (status, code, sandboxError) => {
    // Real refusals: more IDs than the service takes (400), a customer outside the app's scope
    // (403), a tenant the customer does not have (404).
    const { s, client } = await setup({ maxUserIds: 1 });
    const request =
      status === 400
        ? { ...s.tenant, userIds: [s.sb.userAt(0, 0, 1).id, s.sb.userAt(0, 0, 2).id] }
        : status === 403
          ? { customerId: s.sb.customers[1]!.customerId, tenantId: s.sb.customers[1]!.tenants[0]!.tenantId }
          : { customerId: s.tenant.customerId, tenantId: '11111111-2222-4333-8444-555555555555' };
    const error = (await client.getUsersPage(request).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({
      code,
      status,
      requestId: lastRequestId(s),
      body: { error: sandboxError, message: expect.any(String) },
      retryCount: 0,
    });
    expect(s.apiRequests()).toHaveLength(1);
  });

  it('client.api gives typed calls whose responses can still be read as usual', async () => {
    const { s, client } = await setup();
    const id = s.sb.userAt(0, 0, 4).id;
    const { data, response } = await client.api.POST('/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch', {
      params: { path: s.tenant, query: { pageIndex: 1, pageSize: 2 } },
      body: { userIds: [id] },
    });
    expect(response.status).toBe(200);
    expect(data?.data.map((u) => u.id)).toEqual([id]);
    expect(data?.metadata.totalCount).toBe(1);
  });

  it('classifies HTTP 500 as SERVER_ERROR after the retries a read may spend', async () => {
    const { s, client } = await setup();
    s.sb.setFaults([{ match: { path: 'users' }, status: 500, body: { message: 'nope' } }]);
    const error = (await client.getUsersPage(s.tenant).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500, requestId: lastRequestId(s), body: { message: 'nope' } });
    // Up to maxRetries, or fewer when the waits would pass the stall limit (60 s without success).
    expect(error.retryCount).toBeGreaterThan(5);
    expect(error.retryCount).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxRetries);
    expect(s.apiRequests()).toHaveLength(error.retryCount + 1);
  });

  it('accepts a text error body', async () => {
    const { s, client } = await setup();
    s.sb.setFaults([{ match: { path: 'users' }, status: 500, body: 'upstream broke' }]);
    await expect(client.getUsersPage(s.tenant)).rejects.toMatchObject({ code: 'SERVER_ERROR', body: 'upstream broke' });
  });
});
