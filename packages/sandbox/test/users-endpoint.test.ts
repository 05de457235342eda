// The users batch endpoint over real HTTP: auth failures, validation failures, paging, filtering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, expectInvalidParameter, secretToken, type UsersBody } from './helpers.js';

let sb: Sandbox;
let token: string;
let now = Date.UTC(2026, 5, 1);

beforeAll(async () => {
  sb = await startSandbox({ users: 237, seed: 11, clock: () => now });
  token = await secretToken(sb);
});
afterAll(() => sb.close());

describe('authentication and authorization', () => {
  it('401 without a bearer token, with WWW-Authenticate', async () => {
    const res = await callUsers(sb, { query: { pageSize: 10 } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('401 for a token the identity service never issued', async () => {
    const res = await callUsers(sb, { token: 'not-a-token', query: { pageSize: 10 } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_token' });
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('401 once the token has expired, and a fresh token works again', async () => {
    const sb2 = await startSandbox({ users: 5, tokenTtlSeconds: 30, clock: () => now });
    try {
      const t = await secretToken(sb2);
      expect((await callUsers(sb2, { token: t })).status).toBe(200);
      now += 29_000;
      expect((await callUsers(sb2, { token: t })).status).toBe(200);
      now += 1_000;
      const expired = await callUsers(sb2, { token: t });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toContain('expired');
      expect((await callUsers(sb2, { token: await secretToken(sb2) })).status).toBe(200);
    } finally {
      await sb2.close();
    }
  });

  it('403 insufficient_scope for a token without elements.um.user.read.all', async () => {
    const unscoped = await secretToken(sb, sb.unscopedClient, '');
    const res = await callUsers(sb, { token: unscoped });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'insufficient_scope' });
    expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it("403 for a customer outside the app's scope, for each of its tenants", async () => {
    expect(sb.customers[1]?.inScope).toBe(false);
    const res = await callUsers(sb, { token, url: sb.usersUrl(1, 0) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden' });
  });

  it('404 for an unknown customer and for an unknown tenant of a known customer', async () => {
    const c0 = sb.customers[0]!;
    const base = `${sb.baseUrl}/partner/external/v3/um/customers`;
    const unknownCustomer = await callUsers(sb, {
      token,
      url: `${base}/11111111-2222-4333-8444-555555555555/tenants/${c0.tenants[0]!.tenantId}/users/batch`,
    });
    expect(unknownCustomer.status).toBe(404);
    const unknownTenant = await callUsers(sb, {
      token,
      url: `${base}/${c0.customerId}/tenants/11111111-2222-4333-8444-555555555555/users/batch`,
    });
    expect(unknownTenant.status).toBe(404);
    // A tenant of the other customer is not this customer's.
    const foreignTenant = await callUsers(sb, {
      token,
      url: `${base}/${c0.customerId}/tenants/${sb.customers[1]!.tenants[0]!.tenantId}/users/batch`,
    });
    expect(foreignTenant.status).toBe(404);
  });

  it('404 for paths the API does not have, 405 for GET on the batch endpoint', async () => {
    const res = await fetch(`${sb.baseUrl}/partner/external/v3/um/customers`, { method: 'POST' });
    expect(res.status).toBe(404);
    const get = await callUsers(sb, { token, method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('validation (400 naming the parameter)', () => {
  const cases: Array<[string, Record<string, string | number>, string]> = [
    ['pageSize over 100', { pageSize: 101 }, 'pageSize'],
    ['pageSize 0', { pageSize: 0 }, 'pageSize'],
    ['pageSize not a number', { pageSize: 'ten' }, 'pageSize'],
    ['pageSize a decimal', { pageSize: '1.5' }, 'pageSize'],
    ['pageSize empty', { pageSize: '' }, 'pageSize'],
    ['pageIndex 0', { pageIndex: 0 }, 'pageIndex'],
    ['pageIndex negative', { pageIndex: -1 }, 'pageIndex'],
    ['pageIndex over int32', { pageIndex: 2 ** 31 }, 'pageIndex'],
  ];
  for (const [name, query, parameter] of cases) {
    it(name, async () => {
      const res = await callUsers(sb, { token, query });
      expectInvalidParameter(res, parameter);
      expect((res.body as unknown as { message: string }).message).toContain(parameter);
    });
  }

  it('a repeated pageSize', async () => {
    const url = `${sb.usersUrl()}?pageSize=10&pageSize=20`;
    expectInvalidParameter(await callUsers(sb, { token, url }), 'pageSize');
  });

  it('says pageSize must be an integer from 1 to 100', async () => {
    const res = await callUsers(sb, { token, query: { pageSize: 500 } });
    expect(res.body).toEqual({ error: 'invalid_parameter', parameter: 'pageSize', message: 'pageSize must be an integer from 1 to 100' });
  });

  it('a malformed customerId or tenantId', async () => {
    const c0 = sb.customers[0]!;
    const base = `${sb.baseUrl}/partner/external/v3/um/customers`;
    expectInvalidParameter(
      await callUsers(sb, { token, url: `${base}/not-a-guid/tenants/${c0.tenants[0]!.tenantId}/users/batch` }),
      'customerId',
    );
    expectInvalidParameter(await callUsers(sb, { token, url: `${base}/${c0.customerId}/tenants/1234/users/batch` }), 'tenantId');
  });

  it('a body that is not JSON, not an object, or sent as text', async () => {
    expectInvalidParameter(await callUsers(sb, { token, rawBody: '{"userIds": [' }), 'body');
    expectInvalidParameter(await callUsers(sb, { token, body: ['x'] }), 'body');
    expectInvalidParameter(await callUsers(sb, { token, body: null }), 'body');
    expectInvalidParameter(await callUsers(sb, { token, body: {}, contentType: 'text/plain', beyondSpec: true }), 'body');
  });

  it('userIds that are not an array of unique GUIDs, or too many', async () => {
    const id = sb.userAt(0, 0, 1).id;
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: id } }), 'userIds');
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: [42] } }), 'userIds');
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: ['not-a-guid'] } }), 'userIds');
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: [id, id] } }), 'userIds');
    // GUIDs are case-insensitive, so these are duplicates too, though JSON Schema's uniqueItems sees two strings.
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: [id, id.toUpperCase()] }, beyondSpec: true }), 'userIds');
    // The spec's maxItems is 100, and so is the sandbox's maxUserIds by default, as core chunks.
    const many = Array.from({ length: 101 }, (_, i) => sb.userAt(0, 0, i).id);
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: many } }), 'userIds');
  });
});

describe('paging the whole tenant', () => {
  it('returns every user exactly once, in a stable order, with consistent metadata', async () => {
    const total = sb.customers[0]!.tenants[0]!.users;
    for (const pageSize of [100, 37, 1]) {
      const seen: string[] = [];
      const pages = Math.ceil(total / pageSize);
      for (let pageIndex = 1; pageIndex <= pages; pageIndex++) {
        const res = await callUsers(sb, { token, query: { pageIndex, pageSize } });
        expect(res.status).toBe(200);
        expect(res.body.metadata).toEqual({ pageIndex, pageSize, totalCount: total });
        expect(res.body.data.length).toBe(Math.min(pageSize, total - (pageIndex - 1) * pageSize));
        seen.push(...res.body.data.map((u) => u.id));
      }
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => sb.userAt(0, 0, i).id));
    }
  });

  it('serves the users exactly as userAt() derives them', async () => {
    const res = await callUsers(sb, { token, query: { pageIndex: 3, pageSize: 10 } });
    expect(res.body.data).toEqual(Array.from({ length: 10 }, (_, i) => sb.userAt(0, 0, 20 + i)));
  });

  it('answers a page past the end with no users and the real totalCount', async () => {
    const res = await callUsers(sb, { token, query: { pageIndex: 99, pageSize: 100 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], metadata: { pageIndex: 99, pageSize: 100, totalCount: 237 } });
  });

  it('defaults to pageIndex 1 and pageSize 100, and treats {} and an empty userIds as every user', async () => {
    for (const body of [undefined, {}, { userIds: [] }]) {
      const res = await callUsers(sb, { token, body });
      expect(res.body.metadata).toEqual({ pageIndex: 1, pageSize: 100, totalCount: 237 });
      expect(res.body.data[0]?.id).toBe(sb.userAt(0, 0, 0).id);
    }
  });

  it('serves the second tenant of the customer with its own users', async () => {
    const res = await callUsers(sb, { token, url: sb.usersUrl(0, 1), query: { pageSize: 100 } });
    expect(res.body.metadata.totalCount).toBe(sb.customers[0]!.tenants[1]!.users);
    expect(res.body.data.map((u) => u.id)).toEqual(Array.from({ length: res.body.metadata.totalCount }, (_, i) => sb.userAt(0, 1, i).id));
    expect(String(res.body.data[0]?.userPrincipalName)).toContain('@contosolab.onmicrosoft.com');
  });
});

describe('filtering by userIds', () => {
  it('returns the known IDs in tenant order; unknown IDs are simply absent', async () => {
    const wanted = [200, 3, 150, 77].map((i) => sb.userAt(0, 0, i).id);
    const unknown = ['11111111-2222-4333-8444-555555555555', sb.userAt(0, 1, 3).id, sb.userAt(1, 0, 3).id];
    const res = await callUsers(sb, { token, query: { pageSize: 100 }, body: { userIds: [...wanted, ...unknown] } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u) => u.id)).toEqual([3, 77, 150, 200].map((i) => sb.userAt(0, 0, i).id));
    expect(res.body.metadata).toEqual({ pageIndex: 1, pageSize: 100, totalCount: 4 });
  });

  it('matches IDs case-insensitively and pages the matches', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => sb.userAt(0, 0, i * 9).id.toUpperCase());
    const pages: string[] = [];
    for (let pageIndex = 1; pageIndex <= 3; pageIndex++) {
      const res = await callUsers(sb, { token, query: { pageIndex, pageSize: 10 }, body: { userIds: ids } });
      expect(res.body.metadata).toEqual({ pageIndex, pageSize: 10, totalCount: 25 });
      pages.push(...res.body.data.map((u) => u.id));
    }
    expect(pages).toEqual(ids.map((id) => id.toLowerCase()));
  });

  it('answers only unknown IDs with an empty page and totalCount 0', async () => {
    const res = await callUsers(sb, { token, body: { userIds: ['11111111-2222-4333-8444-555555555555'] } });
    expect(res.body).toEqual({ data: [], metadata: { pageIndex: 1, pageSize: 100, totalCount: 0 } });
  });
});

describe('a one-million-user tenant', () => {
  it('serves arbitrary pages without materializing the tenant', async () => {
    const big = await startSandbox({ users: 1_000_000, seed: 5 });
    try {
      const t = await secretToken(big);
      const heapBefore = process.memoryUsage().heapUsed;
      for (const pageIndex of [1, 4_321, 9_999, 10_000, 10_001]) {
        const res = await callUsers<UsersBody>(big, { token: t, query: { pageIndex, pageSize: 100 } });
        expect(res.body.metadata.totalCount).toBe(1_000_000);
        const first = (pageIndex - 1) * 100;
        const expected = Math.max(0, Math.min(100, 1_000_000 - first));
        expect(res.body.data.length).toBe(expected);
        if (expected > 0) {
          expect(res.body.data[0]?.id).toBe(big.userAt(0, 0, first).id);
          expect(res.body.data.at(-1)?.id).toBe(big.userAt(0, 0, first + expected - 1).id);
        }
      }
      const last = big.userAt(0, 0, 999_999);
      const byId = await callUsers<UsersBody>(big, { token: t, body: { userIds: [last.id] } });
      expect(byId.body.data).toEqual([last]);
      // A million users held in memory would take hundreds of MB; a handful of pages takes almost none.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
    } finally {
      await big.close();
    }
  });
});

describe('every response', () => {
  it('carries an x-request-id, echoing a sane one from the caller', async () => {
    const res = await fetch(sb.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const fresh = await fetch(sb.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('413 for a body over 1 MiB, without buffering it all', async () => {
    const res = await fetch(sb.usersUrl(), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"userIds":["${'0'.repeat(1024 * 1024)}"]}`,
    }).catch((error: unknown) => error);
    // The sandbox answers 413 and closes; depending on timing the client sees the 413 or the close.
    if (res instanceof Response) expect(res.status).toBe(413);
    else expect(res).toBeInstanceOf(Error);
    expect(sb.stats().byStatus[413]).toBeGreaterThanOrEqual(1);
  });

  it('404 with a JSON body for unknown paths, and discovery answers HEAD', async () => {
    const res = await fetch(`${sb.baseUrl}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    const head = await fetch(`${sb.baseUrl}/.well-known/openid-configuration`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});
