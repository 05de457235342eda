// The client against the sandbox over real HTTP on 127.0.0.1, with every request it sends checked
// against spec/openapi.yaml by the sandbox's contract validator.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { createContractValidator } from '@avepoint-graph-kit/sandbox/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointAuthError, createUsersClient, type UsersClientOptions } from '../../src/index.js';

let sb: Sandbox;
const contract = createContractValidator();
const contractErrors: string[] = [];
let usersRequests = 0;

/** The real fetch, with each users request validated against the spec on its way out. */
async function checkedFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const match = /\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/batch$/.exec(url.pathname);
  if (match) {
    usersRequests++;
    const text = await request.clone().text();
    const result = contract.validateUsersBatchRequest({
      pathParams: { customerId: decodeURIComponent(match[1]!), tenantId: decodeURIComponent(match[2]!) },
      query: url.searchParams,
      body: text === '' ? undefined : JSON.parse(text),
    });
    if (request.method !== 'POST') contractErrors.push(`method ${request.method}`);
    if (request.headers.get('content-type') !== 'application/json') contractErrors.push('content-type');
    contractErrors.push(...result.errors);
  }
  return fetch(request);
}

const noWait = async () => undefined;

function client(extra: Partial<UsersClientOptions> = {}) {
  return createUsersClient({
    baseUrl: sb.baseUrl,
    tokenUrl: sb.tokenUrl,
    credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
    fetch: checkedFetch,
    sleep: noWait,
    ...extra,
  });
}

const tenant = () => ({ customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId });

beforeAll(async () => {
  sb = await startSandbox({ users: 1234, seed: 7 });
});
afterAll(async () => {
  await sb.close();
});
afterEach(() => {
  sb.setFaults([]);
  expect(contractErrors).toEqual([]);
});

describe('client against the sandbox', () => {
  it('reads a page with a client secret, exactly as the sandbox serves it', async () => {
    const page = await client().getUsersPage({ ...tenant(), pageIndex: 3, pageSize: 25 });
    expect(page).toMatchObject({ pageIndex: 3, pageSize: 25, totalCount: 1234 });
    expect(page.users).toHaveLength(25);
    expect(page.users[0]).toEqual(sb.userAt(0, 0, 50));
    expect(usersRequests).toBeGreaterThan(0);
  });

  it('authenticates with the certificate (RS256 client assertion)', async () => {
    const c = client({ credentials: sb.certificate });
    const page = await c.getUsersPage({ ...tenant(), pageSize: 5 });
    expect(page.users.map((u) => u.id)).toEqual([0, 1, 2, 3, 4].map((i) => sb.userAt(0, 0, i).id));
  });

  it('lists every user in order at concurrency 8', async () => {
    const ids: string[] = [];
    for await (const user of client().listUsers({ ...tenant(), pageSize: 100, concurrency: 8 })) ids.push(user.id);
    expect(ids).toHaveLength(1234);
    expect(ids[0]).toBe(sb.userAt(0, 0, 0).id);
    expect(ids[1233]).toBe(sb.userAt(0, 0, 1233).id);
    expect(new Set(ids).size).toBe(1234);
  });

  it('gets users by ID across chunks, in the order asked, with notFound', async () => {
    const asked = Array.from({ length: 260 }, (_, i) => sb.userAt(0, 0, (i * 7) % 1234).id);
    const ghost = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    const result = await client().getUsersByIds({ ...tenant(), userIds: [...asked, ghost, asked[3]!] });
    expect(result.users.map((u) => u.id)).toEqual(asked);
    expect(result.notFound).toEqual([ghost]);
  });

  it('normalizes status sent as a bare integer', async () => {
    sb.setFaults([{ match: { path: 'users' }, statusAsInteger: true }]);
    const page = await client().getUsersPage({ ...tenant(), pageSize: 20 });
    for (const user of page.users) expect(Array.isArray(user.status)).toBe(true);
    expect(page.users.map((u) => u.status)).toEqual(page.users.map((_, i) => sb.userAt(0, 0, i).status.slice(0, 1)));
  });

  it('reports a customer outside the app scope as FORBIDDEN', async () => {
    const other = sb.customers[1]!;
    const error = await client()
      .getUsersPage({ customerId: other.customerId, tenantId: other.tenants[0]!.tenantId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('reports an app without the permission and a wrong secret as AUTH_FAILED with the OAuth error', async () => {
    const unscoped = client({ credentials: sb.unscopedClient });
    const refused = await unscoped.getUsersPage(tenant()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AvePointAuthError);
    expect(refused).toMatchObject({ code: 'AUTH_FAILED', oauthError: 'invalid_scope' });
    const wrong = client({ credentials: { clientId: sb.clientId, clientSecret: 'wrong-secret-123' } });
    const error = await wrong.getUsersPage(tenant()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointAuthError);
    expect(error).toMatchObject({ oauthError: 'invalid_client' });
  });

  it('refreshes the token once after the sandbox expires every token', async () => {
    const c = client();
    await c.getUsersPage(tenant());
    sb.resetStats();
    sb.expireTokens();
    const pages = await Promise.all([1, 2, 3, 4, 5, 6].map((pageIndex) => c.getUsersPage({ ...tenant(), pageIndex })));
    expect(pages.map((p) => p.pageIndex)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sb.stats().tokenRequests).toBe(1);
  });

  it('honours Retry-After and re-sends on 429, 503, 504 and connection resets', async () => {
    const sleeps: number[] = [];
    const c = client({ sleep: async (ms) => void sleeps.push(ms) });
    sb.setFaults([
      { match: { path: 'users', first: 1 }, status: 429, retryAfter: '2' },
      { match: { path: 'users', first: 2 }, status: 503 },
      { match: { path: 'users', first: 3 }, status: 504 },
      { match: { path: 'users', first: 4 }, reset: true },
    ]);
    const page = await c.getUsersPage({ ...tenant(), userIds: [sb.userAt(0, 0, 9).id] });
    expect(page.users.map((u) => u.id)).toEqual([sb.userAt(0, 0, 9).id]);
    expect(sleeps[0]).toBe(2000);
    expect(sleeps).toHaveLength(4);
  });

  it('cuts off a slow body with the timeout and retries it', async () => {
    sb.setFaults([{ match: { path: 'users', first: 1 }, slowBodyMs: 2000 }]);
    let retries = 0;
    const c = client({ timeoutMs: 300, onRetry: () => void retries++ });
    const page = await c.getUsersPage({ ...tenant(), pageSize: 100 });
    expect(page.users).toHaveLength(100);
    expect(retries).toBe(1);
  });
});

describe("a service that serves 50 users per page (the newer documentation's default)", () => {
  it('listUsers and getUsersByIds still return every user exactly once, in order', async () => {
    const capped = await startSandbox({ users: 1234, seed: 7, maxServedPageSize: 50 });
    try {
      const c = createUsersClient({
        baseUrl: capped.baseUrl,
        tokenUrl: capped.tokenUrl,
        credentials: { clientId: capped.clientId, clientSecret: capped.clientSecret },
        fetch: checkedFetch,
      });
      const where = { customerId: capped.customers[0]!.customerId, tenantId: capped.customers[0]!.tenants[0]!.tenantId };
      const ids: string[] = [];
      for await (const user of c.listUsers({ ...where, pageSize: 100, concurrency: 4 })) ids.push(user.id);
      expect(ids).toEqual([...Array(1234).keys()].map((i) => capped.userAt(0, 0, i).id));
      const asked = ids.slice(0, 250).reverse();
      const byIds = await c.getUsersByIds({ ...where, userIds: asked });
      expect(byIds.users.map((u) => u.id)).toEqual(asked);
      expect(byIds.notFound).toEqual([]);
    } finally {
      await capped.close();
    }
  });
});
