import { describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointInputError, createUsersClient, type PageProgress } from '../../src/index.js';
import { REORDER_PAGES_PER_SLOT } from '../../src/engine/index.js';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT, TOKEN_URL, createFakeApi, fakeTime, userId, createFakeClient } from '../support/fake-api.js';

function setup(users: number) {
  const api = createFakeApi({ users });
  const time = fakeTime();
  const client = createFakeClient(api, time);
  return { api, client };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const tenant = { customerId: CUSTOMER, tenantId: TENANT };

describe('listUsers', () => {
  it('yields every user once, in order, reading pages 2..n from totalCount', async () => {
    const { api, client } = setup(1234);
    const users = await collect(client.listUsers({ ...tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(api.users.map((u) => u.id));
    const indexes = api.apiRequests().map((r) => Number(r.url.searchParams.get('pageIndex')));
    expect(indexes.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('follows a service that serves fewer users per page than asked (the documented 50 default)', async () => {
    const api = createFakeApi({ users: 1234, servedPageSize: 50 });
    const client = createFakeClient(api);
    const users = await collect(client.listUsers({ ...tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(api.users.map((u) => u.id));
    expect(api.apiRequests()).toHaveLength(25);
    const later = api.apiRequests().filter((r) => r.url.searchParams.get('pageIndex') !== '1');
    expect(new Set(later.map((r) => r.url.searchParams.get('pageSize')))).toEqual(new Set(['50']));
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { api, client } = setup(2000);
    await collect(client.listUsers({ ...tenant, pageSize: 50, concurrency: 3 }));
    expect(api.maxInFlight).toBeLessThanOrEqual(3);
    expect(api.maxInFlight).toBeGreaterThan(1);
  });

  it('holds at most the reorder window (a small multiple of `concurrency` pages) while a slow consumer reads', async () => {
    const { api, client } = setup(400);
    let consumed = 0;
    let maxHeld = 0;
    for await (const _ of client.listUsers({ ...tenant, pageSize: 10, concurrency: 3 })) {
      // Pages asked for, minus the pages already read in full: the one being read and those in flight.
      const held = api.apiRequests().length - Math.floor(consumed / 10);
      maxHeld = Math.max(maxHeld, held);
      consumed++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(consumed).toBe(400);
    expect(maxHeld).toBe(REORDER_PAGES_PER_SLOT * 3);
  });

  it('stops at `limit`, requesting only the pages needed', async () => {
    const { api, client } = setup(1000);
    const users = await collect(client.listUsers({ ...tenant, pageSize: 100, limit: 250, concurrency: 8 }));
    expect(users.map((u) => u.id)).toEqual(api.users.slice(0, 250).map((u) => u.id));
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('listUsersPages gives the same listing a page at a time, the last page cut to `limit`', async () => {
    const { api, client } = setup(1000);
    const pages = await collect(client.listUsersPages({ ...tenant, pageSize: 100, limit: 250, concurrency: 4 }));
    expect(pages.map((p) => [p.pageIndex, p.users.length])).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ]);
    expect(pages.flatMap((p) => p.users).map((u) => u.id)).toEqual(api.users.slice(0, 250).map((u) => u.id));
  });

  it('handles an empty tenant with one request', async () => {
    const { api, client } = setup(0);
    expect(await collect(client.listUsers(tenant))).toEqual([]);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('does not duplicate or skip users when pages are retried', async () => {
    const { api, client } = setup(950);
    let n = 0;
    api.script((r) => (r.url.origin === BASE_URL && ++n % 3 === 0 ? api.json(503, {}) : undefined));
    const users = await collect(client.listUsers({ ...tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(api.users.map((u) => u.id));
  });

  it('reports progress page by page', async () => {
    const { client } = setup(250);
    const seen: PageProgress[] = [];
    await collect(client.listUsers({ ...tenant, pageSize: 100, onPage: (p) => seen.push(p) }));
    expect(seen.map((p) => [p.pageIndex, p.pagesDone, p.pageCount, p.totalCount])).toEqual([
      [1, 1, 3, 250],
      [2, 2, 3, 250],
      [3, 3, 3, 250],
    ]);
  });

  it('throws the failing page error, aborts the pages in flight and starts no more', async () => {
    const { api } = setup(1000);
    const aborted = new Set<string>();
    api.script((r) => (r.url.searchParams.get('pageIndex') === '3' ? api.json(403, { message: 'no access' }) : undefined));
    const client = createUsersClient({
      baseUrl: BASE_URL,
      tokenUrl: TOKEN_URL,
      credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      fetch: async (req) => {
        const page = new URL(req.url).searchParams.get('pageIndex');
        req.signal.addEventListener('abort', () => aborted.add(page ?? 'token'));
        // Pages after 3 answer slowly, so they are still in flight when page 3 fails.
        if (Number(page) > 3) await new Promise((r) => setTimeout(r, 30));
        return api.fetch(req);
      },
    });
    const error = await collect(client.listUsers({ ...tenant, pageSize: 100, concurrency: 4 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(aborted.has('4')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.apiRequests().length).toBeLessThanOrEqual(6);
  });

  it('stops when the signal fires', async () => {
    const { client, api } = setup(5000);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of client.listUsers({ ...tenant, pageSize: 100, concurrency: 2, signal: controller.signal })) {
        seen.push(user.id);
        if (seen.length === 150) controller.abort(new Error('enough'));
      }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe('enough');
    expect(api.apiRequests().length).toBeLessThan(10);
  });

  it('breaking out of the loop early sends no further requests', async () => {
    const { client, api } = setup(5000);
    for await (const user of client.listUsers({ ...tenant, pageSize: 100, concurrency: 2 })) {
      if (user.id === userId(10)) break;
    }
    const after = api.apiRequests().length;
    await new Promise((r) => setTimeout(r, 10));
    expect(api.apiRequests().length).toBe(after);
    expect(after).toBeLessThanOrEqual(3);
  });

  it('validates input when called, before any request', () => {
    const { client, api } = setup(10);
    expect(() => client.listUsers({ ...tenant, concurrency: 17 })).toThrow(AvePointInputError);
    expect(() => client.listUsers({ ...tenant, limit: 0 })).toThrow(/limit/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('getUsersByIds', () => {
  it('chunks long lists, de-duplicates, keeps the order asked and reports IDs not found', async () => {
    const { api, client } = setup(400);
    const missing = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const wanted = [...api.users.slice(0, 230).map((u) => u.id)].reverse();
    const asked = [missing[0]!, ...wanted, wanted[5]!.toUpperCase(), missing[1]!, wanted[0]!];
    const result = await client.getUsersByIds({ ...tenant, userIds: asked });
    expect(result.users.map((u) => u.id)).toEqual(wanted);
    expect(result.notFound).toEqual(missing);
    const chunks = api.apiRequests().map((r) => (JSON.parse(r.body) as { userIds: string[] }).userIds.length);
    expect(chunks.sort((a, b) => b - a)).toEqual([100, 100, 32]);
  });

  it('finds every asked user when the service serves fewer per page than the chunk holds', async () => {
    const api = createFakeApi({ users: 400, servedPageSize: 50 });
    const client = createFakeClient(api);
    const wanted = api.users.slice(0, 230).map((u) => u.id);
    const result = await client.getUsersByIds({ ...tenant, userIds: wanted });
    expect(result.users.map((u) => u.id)).toEqual(wanted);
    expect(result.notFound).toEqual([]);
  });

  it('accepts a comma-separated string', async () => {
    const { api, client } = setup(10);
    const result = await client.getUsersByIds({ ...tenant, userIds: `${api.users[2]!.id}, ${api.users[1]!.id}` });
    expect(result.users.map((u) => u.id)).toEqual([api.users[2]!.id, api.users[1]!.id]);
  });

  it('sends nothing for an empty list (empty means "everyone" to the API)', async () => {
    const { api, client } = setup(10);
    expect(await client.getUsersByIds({ ...tenant, userIds: [] })).toEqual({ users: [], notFound: [] });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects a malformed ID before any request', async () => {
    const { api, client } = setup(10);
    await expect(client.getUsersByIds({ ...tenant, userIds: ['nope'] })).rejects.toMatchObject({ field: 'userIds[0]' });
    expect(api.requests).toHaveLength(0);
  });
});
