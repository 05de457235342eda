// A server that lies about paging while `data` stays real: totalCount replaced, pageSize or
// pageIndex ignored (and echoed anyway).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, secretToken, type UsersBody } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 400, seed: 12 });
  token = await secretToken(sb);
});
afterEach(() => sb.setFaults([]));
afterAll(() => sb.close());

/** The raw text and the parsed body: a lie may not be valid per the spec, so no contract check here. */
async function post(query: string, body?: unknown): Promise<{ text: string; page: UsersBody }> {
  const res = await fetch(`${sb.usersUrl()}?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, page: JSON.parse(text) as UsersBody };
}

const realPage = async (pageIndex: number, pageSize: number) => (await callUsers(sb, { token, query: { pageIndex, pageSize } })).body;

describe('totalCount', () => {
  for (const [lie, json] of [
    [1e11, '100000000000'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['12', '"12"'],
    [2 ** 53 + 2, '9007199254740994'],
    [null, 'null'],
  ] as const) {
    it(`${json} replaces the real count; data stays real`, async () => {
      const real = await realPage(2, 10);
      sb.setFaults([{ totalCount: lie }]);
      const { text, page } = await post('pageIndex=2&pageSize=10');
      expect(text).toContain(`"totalCount":${json}}`);
      expect(page.data).toEqual(real.data);
      expect(page.metadata).toMatchObject({ pageIndex: 2, pageSize: 10 });
    });
  }

  it('grows each request with addPerRequest (the first answer is still the truth)', async () => {
    sb.setFaults([{ totalCount: { addPerRequest: 10 } }]);
    const counts: unknown[] = [];
    for (let i = 0; i < 4; i++) counts.push((await post('pageSize=5')).page.metadata.totalCount);
    expect(counts).toEqual([400, 410, 420, 430]);
  });

  it('add: more users than the userIds asked for', async () => {
    sb.setFaults([{ totalCount: { add: 3 } }]);
    const userIds = [0, 1].map((i) => sb.userAt(0, 0, i).id);
    const { page } = await post('pageSize=10', { userIds });
    expect(page.data.map((u) => u.id)).toEqual(userIds);
    expect(page.metadata.totalCount).toBe(5);
  });

  it('leaves errors alone: a 401 has no metadata to lie in', async () => {
    sb.setFaults([{ totalCount: 7 }]);
    const res = await callUsers(sb, { token: 'nope' });
    expect(res.status).toBe(401);
  });
});

describe('paging ignored', () => {
  it('servePageSize: more users than asked, offsets follow the served size, metadata echoes the request', async () => {
    sb.setFaults([{ servePageSize: 150 }]);
    const first = await post('pageIndex=1&pageSize=10');
    expect(first.page.data).toHaveLength(150);
    expect(first.page.metadata).toEqual({ pageIndex: 1, pageSize: 10, totalCount: 400 });
    const third = await post('pageIndex=3&pageSize=10');
    expect(third.page.data.map((u) => u.id)).toEqual(Array.from({ length: 100 }, (_, i) => sb.userAt(0, 0, 300 + i).id));
  });

  it('ignorePageIndex: page 1 for any pageIndex, echoed as asked', async () => {
    const one = await realPage(1, 10);
    sb.setFaults([{ ignorePageIndex: true }]);
    const fifth = await post('pageIndex=5&pageSize=10');
    expect(fifth.page.data).toEqual(one.data);
    expect(fifth.page.metadata).toEqual({ pageIndex: 5, pageSize: 10, totalCount: 400 });
  });

  it('refuses malformed values, naming the field', () => {
    expect(() => sb.setFaults([{ servePageSize: 0 }])).toThrow(/servePageSize/);
    expect(() => sb.setFaults([{ servePageSize: 10_001 }])).toThrow(/servePageSize/);
    expect(() => sb.setFaults([{ ignorePageIndex: false as unknown as true }])).toThrow(/ignorePageIndex/);
    expect(() => sb.setFaults([{ totalCount: { ad: 1 } as never }])).toThrow(/totalCount\.ad is not a field/);
    expect(() => sb.setFaults([{ totalCount: true as never }])).toThrow(/totalCount must be a number, a string, null/);
    expect(() => sb.setFaults([{ totalCount: { addPerRequest: Infinity } }])).toThrow(/totalCount\.addPerRequest/);
    expect(() => sb.setFaults([{ match: { path: 'token' }, totalCount: 5 }])).toThrow(/paged requests only/);
  });
});
