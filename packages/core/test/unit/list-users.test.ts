import { afterEach, describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointInputError, type PageProgress } from '../../src/index.js';
import { REORDER_PAGES_PER_SLOT } from '../../src/engine/index.js';
import { closeSandboxes, jsonResponse, startInProcessSandbox, type InProcessOptions } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

async function setup(users: number, options: InProcessOptions = {}) {
  const s = await startInProcessSandbox({ users, ...options });
  /** The IDs of the default tenant's users from..to, in tenant order. */
  const ids = (from: number, to = users) => Array.from({ length: to - from }, (_, i) => s.sb.userAt(0, 0, from + i).id);
  return { s, client: s.client(), ids };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const pageIndexOf = (r: { url: URL }) => r.url.searchParams.get('pageIndex');

describe('listUsers', () => {
  it('yields every user once, in order, reading pages 2..n from totalCount', async () => {
    const { s, client, ids } = await setup(1234);
    const users = await collect(client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(ids(0));
    const indexes = s.apiRequests().map((r) => Number(pageIndexOf(r)));
    expect(indexes.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('follows a service that serves fewer users per page than asked (the documented 50 default)', async () => {
    const { s, client, ids } = await setup(1234, { maxServedPageSize: 50 });
    const users = await collect(client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(ids(0));
    expect(s.apiRequests()).toHaveLength(25);
    const later = s.apiRequests().filter((r) => pageIndexOf(r) !== '1');
    expect(new Set(later.map((r) => r.url.searchParams.get('pageSize')))).toEqual(new Set(['50']));
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { s, client } = await setup(2000);
    await collect(client.listUsers({ ...s.tenant, pageSize: 50, concurrency: 3 }));
    expect(s.maxInFlight).toBeLessThanOrEqual(3);
    expect(s.maxInFlight).toBeGreaterThan(1);
  });

  it('holds at most the reorder window (a small multiple of `concurrency` pages) while a slow consumer reads', async () => {
    const { s, client } = await setup(400);
    let consumed = 0;
    let maxHeld = 0;
    for await (const _ of client.listUsers({ ...s.tenant, pageSize: 10, concurrency: 3 })) {
      // Pages asked for, minus the pages already read in full: the one being read and those in flight.
      const held = s.apiRequests().length - Math.floor(consumed / 10);
      maxHeld = Math.max(maxHeld, held);
      consumed++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(consumed).toBe(400);
    expect(maxHeld).toBe(REORDER_PAGES_PER_SLOT * 3);
  });

  it('stops at `limit`, requesting only the pages needed', async () => {
    const { s, client, ids } = await setup(1000);
    const users = await collect(client.listUsers({ ...s.tenant, pageSize: 100, limit: 250, concurrency: 8 }));
    expect(users.map((u) => u.id)).toEqual(ids(0, 250));
    expect(s.apiRequests()).toHaveLength(3);
  });

  it('listUsersPages gives the same listing a page at a time, the last page cut to `limit`', async () => {
    const { s, client, ids } = await setup(1000);
    const pages = await collect(client.listUsersPages({ ...s.tenant, pageSize: 100, limit: 250, concurrency: 4 }));
    expect(pages.map((p) => [p.pageIndex, p.users.length])).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ]);
    expect(pages.flatMap((p) => p.users).map((u) => u.id)).toEqual(ids(0, 250));
  });

  it('handles an empty tenant with one request', async () => {
    const { s, client } = await setup(0);
    expect(await collect(client.listUsers(s.tenant))).toEqual([]);
    expect(s.apiRequests()).toHaveLength(1);
  });

  it('does not duplicate or skip users when pages are retried', async () => {
    const { s, client, ids } = await setup(950);
    s.sb.setFaults([{ match: { path: 'users', nth: 3 }, status: 503 }]);
    const users = await collect(client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 4 }));
    expect(users.map((u) => u.id)).toEqual(ids(0));
    expect(s.sb.stats().byStatus[503]).toBeGreaterThanOrEqual(3);
  });

  it('reports progress page by page', async () => {
    const { s, client } = await setup(250);
    const seen: PageProgress[] = [];
    await collect(client.listUsers({ ...s.tenant, pageSize: 100, onPage: (p) => seen.push(p) }));
    expect(seen.map((p) => [p.pageIndex, p.pagesDone, p.pageCount, p.totalCount])).toEqual([
      [1, 1, 3, 250],
      [2, 2, 3, 250],
      [3, 3, 3, 250],
    ]);
  });

  it('throws the failing page error, aborts the pages in flight and starts no more', async () => {
    const { s, client } = await setup(1000);
    // Pages after 3 answer slowly (real timers), so they are still in flight when page 3 fails.
    s.sb.setFaults(Array.from({ length: 7 }, (_, i) => ({ match: { path: 'users' as const, pageIndex: i + 4 }, latencyMs: 30 })));
    // The sandbox cannot refuse one page of a tenant it serves: this test answers page 3 itself.
    s.answer((r) => (pageIndexOf(r) === '3' ? jsonResponse(403, { message: 'no access' }) : undefined));
    const error = await collect(client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 4 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(s.apiRequests().find((r) => pageIndexOf(r) === '4')?.signal.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.apiRequests().length).toBeLessThanOrEqual(6);
  });

  it('stops when the signal fires', async () => {
    const { s, client } = await setup(5000);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 2, signal: controller.signal })) {
        seen.push(user.id);
        if (seen.length === 150) controller.abort(new Error('enough'));
      }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe('enough');
    expect(s.apiRequests().length).toBeLessThan(10);
  });

  it('breaking out of the loop early sends no further requests', async () => {
    const { s, client } = await setup(5000);
    const stop = s.sb.userAt(0, 0, 10).id;
    for await (const user of client.listUsers({ ...s.tenant, pageSize: 100, concurrency: 2 })) {
      if (user.id === stop) break;
    }
    const after = s.apiRequests().length;
    await new Promise((r) => setTimeout(r, 10));
    expect(s.apiRequests().length).toBe(after);
    expect(after).toBeLessThanOrEqual(3);
  });

  it('validates input when called, before any request', async () => {
    const { s, client } = await setup(10);
    expect(() => client.listUsers({ ...s.tenant, concurrency: 17 })).toThrow(AvePointInputError);
    expect(() => client.listUsers({ ...s.tenant, limit: 0 })).toThrow(/limit/);
    expect(s.sent).toHaveLength(0);
  });
});

describe('getUsersByIds', () => {
  it('chunks long lists, de-duplicates, keeps the order asked and reports IDs not found', async () => {
    const { s, client, ids } = await setup(400);
    const missing = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const wanted = ids(0, 230).reverse();
    const asked = [missing[0]!, ...wanted, wanted[5]!.toUpperCase(), missing[1]!, wanted[0]!];
    const result = await client.getUsersByIds({ ...s.tenant, userIds: asked });
    expect(result.users.map((u) => u.id)).toEqual(wanted);
    expect(result.notFound).toEqual(missing);
    const chunks = s.apiRequests().map((r) => (JSON.parse(r.body) as { userIds: string[] }).userIds.length);
    expect(chunks.sort((a, b) => b - a)).toEqual([100, 100, 32]);
  });

  it('finds every asked user when the service serves fewer per page than the chunk holds', async () => {
    const { s, client, ids } = await setup(400, { maxServedPageSize: 50 });
    const wanted = ids(0, 230);
    const result = await client.getUsersByIds({ ...s.tenant, userIds: wanted });
    expect(result.users.map((u) => u.id)).toEqual(wanted);
    expect(result.notFound).toEqual([]);
  });

  it('accepts a comma-separated string', async () => {
    const { s, client, ids } = await setup(10);
    const [one, two] = [ids(2, 3)[0]!, ids(1, 2)[0]!];
    const result = await client.getUsersByIds({ ...s.tenant, userIds: `${one}, ${two}` });
    expect(result.users.map((u) => u.id)).toEqual([one, two]);
  });

  it('sends nothing for an empty list (empty means "everyone" to the API)', async () => {
    const { s, client } = await setup(10);
    expect(await client.getUsersByIds({ ...s.tenant, userIds: [] })).toEqual({ users: [], notFound: [] });
    expect(s.sent).toHaveLength(0);
  });

  it('rejects a malformed ID before any request', async () => {
    const { s, client } = await setup(10);
    await expect(client.getUsersByIds({ ...s.tenant, userIds: ['nope'] })).rejects.toMatchObject({ field: 'userIds[0]' });
    expect(s.sent).toHaveLength(0);
  });
});
