// Trigger "New User" through Zapier's app tester against the sandbox over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_POLL_PAGES, pollPages } from '../src/triggers/new-user.js';
import { app, appTester, connect, detailsOf, failure, type Connected } from './helpers/sandbox.js';

const poll = (c: Connected, inputData: Record<string, unknown> = { customerId: c.customerId, tenantId: c.tenantId }) =>
  appTester(app.triggers.newUser.operation.perform, { authData: c.authData, inputData }) as Promise<Array<Record<string, unknown>>>;

describe('pollPages', () => {
  it('reads every page of a small tenant and the last pages of a big one', () => {
    expect(pollPages(0, 100)).toEqual([]);
    expect(pollPages(250, 100)).toEqual([1, 2, 3]);
    expect(pollPages(1000, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pollPages(1234, 100)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(pollPages(1234, 100, 2)).toEqual([12, 13]);
  });
});

describe('newUser on a tenant of 250 users', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ users: 250 });
  });
  afterAll(() => c.sandbox.close());

  it('lists every user once, newest (last listed by the API) first, each with an id', async () => {
    const results = await poll(c);
    expect(results).toHaveLength(250);
    expect(results[0]?.id).toBe(c.sandbox.userAt(0, 0, 249).id);
    expect(results[249]?.id).toBe(c.sandbox.userAt(0, 0, 0).id);
    expect(new Set(results.map((r) => r.id)).size).toBe(250);
    expect(results[0]?.statusLabels).toEqual(expect.any(Array));
  });

  it('bad input is an error naming the field', async () => {
    const error = await failure(poll(c, { customerId: c.customerId, tenantId: '' }));
    expect(detailsOf(error).message).toMatch(/"Tenant ID"/);
  });

  it('with a status filter, fires only for users with any of the chosen statuses, still newest first', async () => {
    const everyone = await poll(c);
    const results = await poll(c, { customerId: c.customerId, tenantId: c.tenantId, statuses: ['mfaDisabled', 'highRisk'] });
    const expected = everyone.filter((u) => (u.status as number[]).some((code) => code === 0 || code === 3));
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(everyone.length);
    expect(results.map((r) => r.id)).toEqual(expected.map((u) => u.id));
    for (const result of results)
      expect(result.statusLabels).toEqual(expect.arrayContaining([expect.stringMatching(/^(MFA disabled|High risk)$/)]));
  });

  it('takes mapped statuses as labels, codes or a comma-separated string; empty is no filter', async () => {
    const byName = await poll(c, { customerId: c.customerId, tenantId: c.tenantId, statuses: ['testUser'] });
    expect(byName.length).toBeGreaterThan(0);
    for (const statuses of [['Test user'], ['8'], 'test-user, Test user']) {
      expect((await poll(c, { customerId: c.customerId, tenantId: c.tenantId, statuses })).map((r) => r.id)).toEqual(
        byName.map((r) => r.id),
      );
    }
    expect(await poll(c, { customerId: c.customerId, tenantId: c.tenantId, statuses: [] })).toHaveLength(250);
  });

  it('a status that names none is an error naming the field, before any request', async () => {
    c.sandbox.resetStats();
    const error = await failure(poll(c, { customerId: c.customerId, tenantId: c.tenantId, statuses: ['mfaDisabled', 'sleepy'] }));
    expect(detailsOf(error)).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(detailsOf(error).message).toMatch(/"Only Users With Status".*mfaDisabled.*"sleepy"/);
    expect(c.sandbox.stats().apiRequests).toBe(0);
  });

  it('a 429 on a later page is a ThrottledError with the delay', async () => {
    c.sandbox.setFaults([{ match: { path: 'users', pageIndex: 3, first: 1 }, status: 429, retryAfter: '30' }]);
    try {
      const error = await failure(poll(c));
      expect(error.name).toBe('ThrottledError');
      expect(detailsOf(error).delay).toBe(30);
    } finally {
      c.sandbox.setFaults([]);
    }
  });

  it('a token that expires mid-poll (expireTokens fault) is a RefreshAuthError', async () => {
    c.sandbox.setFaults([{ match: { path: 'users', pageIndex: 2, first: 1 }, expireTokens: true }]);
    try {
      const error = await failure(poll(c));
      expect(error.name).toBe('RefreshAuthError');
    } finally {
      c.sandbox.setFaults([]);
    }
  });
});

describe('newUser on a tenant bigger than one poll', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ users: 1234 });
  });
  afterAll(() => c.sandbox.close());

  it(`reads only the last ${MAX_POLL_PAGES} pages (plus the first for the count), newest first`, async () => {
    c.sandbox.resetStats();
    const results = await poll(c);
    expect(c.sandbox.stats().apiRequests).toBe(1 + MAX_POLL_PAGES);
    expect(results).toHaveLength(1234 - 300);
    expect(results[0]?.id).toBe(c.sandbox.userAt(0, 0, 1233).id);
    expect(results.at(-1)?.id).toBe(c.sandbox.userAt(0, 0, 300).id);
  });

  it('loading samples in the Zap editor reads only the newest page', async () => {
    c.sandbox.resetStats();
    const results = (await appTester(app.triggers.newUser.operation.perform, {
      authData: c.authData,
      inputData: { customerId: c.customerId, tenantId: c.tenantId },
      meta: { isLoadingSample: true },
    })) as Array<Record<string, unknown>>;
    expect(c.sandbox.stats().apiRequests).toBe(2);
    expect(results).toHaveLength(34);
    expect(results[0]?.id).toBe(c.sandbox.userAt(0, 0, 1233).id);
  });
});

describe("newUser on a service that serves 50 users per page (the newer docs' default)", () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect({ users: 1234, maxServedPageSize: 50 });
  });
  afterAll(() => c.sandbox.close());

  it('polls the newest pages of the size served, skipping and repeating no one', async () => {
    const results = await poll(c);
    // The last 10 of 25 pages of 50 (pages 16..25: users 750..1233), newest first.
    expect(results.map((r) => r.id)).toEqual([...Array(484).keys()].map((i) => c.sandbox.userAt(0, 0, 1233 - i).id));
  });
});
