// Options beyond the defaults: a custom world of customers and tenants, the default page size,
// the userIds limit, and refusal of nonsense.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, expectInvalidParameter, secretToken } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({
    seed: 21,
    defaultPageSize: 50,
    maxUserIds: 3,
    customers: [
      { name: 'Northwind', inScope: true, tenants: [{ users: 120, domain: 'northwind' }, { users: 0 }] },
      { name: 'Tailspin', inScope: true, tenants: [{ users: 7, company: 'Tailspin Toys' }] },
      { name: 'Woodgrove', inScope: false, tenants: [{ users: 3 }] },
    ],
  });
  token = await secretToken(sb);
});
afterAll(() => sb.close());

describe('custom customers', () => {
  it('serves the given layout, with scope as configured', async () => {
    expect(sb.customers.map((c) => [c.name, c.inScope, c.tenants.map((t) => t.users)])).toEqual([
      ['Northwind', true, [120, 0]],
      ['Tailspin', true, [7]],
      ['Woodgrove', false, [3]],
    ]);
    expect(sb.customers[0]!.tenants[1]!.domain).toBe('northwind2.onmicrosoft.com');
    const tailspin = await callUsers(sb, { token, url: sb.usersUrl(1, 0) });
    expect(tailspin.body.metadata.totalCount).toBe(7);
    expect(tailspin.body.data[0]).toMatchObject({ company: 'Tailspin Toys' });
    expect((await callUsers(sb, { token, url: sb.usersUrl(2, 0) })).status).toBe(403);
  });

  it('serves an empty tenant as totalCount 0', async () => {
    const res = await callUsers(sb, { token, url: sb.usersUrl(0, 1) });
    expect(res.body).toEqual({ data: [], metadata: { pageIndex: 1, pageSize: 50, totalCount: 0 } });
  });

  it('gives every tenant its own IDs: an ID of one tenant is unknown in another', async () => {
    const foreign = sb.userAt(1, 0, 0).id;
    const res = await callUsers(sb, { token, body: { userIds: [foreign] } });
    expect(res.body.metadata.totalCount).toBe(0);
  });
});

describe('limits', () => {
  it('uses defaultPageSize when the request has no pageSize', async () => {
    const res = await callUsers(sb, { token });
    expect(res.body.metadata).toEqual({ pageIndex: 1, pageSize: 50, totalCount: 120 });
    expect(res.body.data).toHaveLength(50);
  });

  it('refuses more userIds than maxUserIds', async () => {
    const ids = [0, 1, 2, 3].map((i) => sb.userAt(0, 0, i).id);
    expect((await callUsers(sb, { token, body: { userIds: ids.slice(0, 3) } })).body.metadata.totalCount).toBe(3);
    expectInvalidParameter(await callUsers(sb, { token, body: { userIds: ids }, beyondSpec: true }), 'userIds');
  });
});

describe('maxServedPageSize', () => {
  it('serves at most that many users per page whatever is asked, and says so in metadata', async () => {
    const capped = await startSandbox({ users: 120, maxServedPageSize: 50 });
    try {
      const t = await secretToken(capped);
      const first = await callUsers(capped, { token: t, query: { pageIndex: 1, pageSize: 100 } });
      expect(first.body.metadata).toEqual({ pageIndex: 1, pageSize: 50, totalCount: 120 });
      expect(first.body.data.map((u: { id: string }) => u.id)).toEqual([...Array(50).keys()].map((i) => capped.userAt(0, 0, i).id));
      const third = await callUsers(capped, { token: t, query: { pageIndex: 3, pageSize: 100 } });
      expect(third.body.data).toHaveLength(20);
    } finally {
      await capped.close();
    }
  });
});

describe('option checks', () => {
  it('refuses impossible options before listening', async () => {
    await expect(startSandbox({ users: -1 })).rejects.toThrow(/users/);
    await expect(startSandbox({ defaultPageSize: 101 })).rejects.toThrow(/defaultPageSize/);
    await expect(startSandbox({ maxServedPageSize: 0 })).rejects.toThrow(/maxServedPageSize/);
    await expect(startSandbox({ tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
    await expect(startSandbox({ faults: [{ match: { first: 0 } }] })).rejects.toThrow(/first/);
    await expect(startSandbox({ rateLimit: { capacity: 0, refillPerSecond: 1 } })).rejects.toThrow(/capacity/);
    await expect(startSandbox({ customers: [{ name: 'X', inScope: true, tenants: [{ users: 1.5 }] }] })).rejects.toThrow(/users/);
  });

  it('refuses a port that is taken', async () => {
    const port = Number(new URL(sb.baseUrl).port);
    await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('a sandbox bug', () => {
  it('answers 500 and reports the error to onError instead of crashing', async () => {
    let broken = false;
    const errors: unknown[] = [];
    const fragile = await startSandbox({
      users: 3,
      clock: () => {
        if (broken) throw new Error('clock exploded');
        return Date.now();
      },
      onError: (error) => void errors.push(error),
    });
    try {
      const t = await secretToken(fragile);
      broken = true;
      const res = await fetch(fragile.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${t}` } });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'sandbox_bug' });
      expect(errors).toHaveLength(1);
      expect((errors[0] as Error).message).toBe('clock exploded');
      broken = false;
      expect((await callUsers(fragile, { token: t })).status).toBe(200);
    } finally {
      await fragile.close();
    }
  });
});
