// Fault rules and the rate limit on the customers and one-user endpoints: `match.path` names each
// endpoint, and `users` keeps meaning the batch endpoint only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callCustomers, callUser, callUsers, secretToken } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 20, seed: 3 });
  token = await secretToken(sb, undefined, '');
});
afterEach(() => {
  sb.setFaults([]);
  sb.setRateLimit(undefined);
});
afterAll(() => sb.close());

describe("match.path 'customers' and 'user'", () => {
  it('fires on its endpoint only', async () => {
    sb.setFaults([{ match: { path: 'customers' }, status: 502 }]);
    expect((await callCustomers(sb, { token })).status).toBe(502);
    expect((await callUsers(sb, { token })).status).toBe(200);
    expect((await callUser(sb, { token, url: sb.userUrl(0, 0, 0) })).status).toBe(200);
    sb.setFaults([{ match: { path: 'user', nth: 2 }, status: 429, retryAfter: '1' }]);
    expect((await callUser(sb, { token, url: sb.userUrl(0, 0, 0) })).status).toBe(200);
    const limited = await callUser(sb, { token, url: sb.userUrl(0, 0, 0) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await callCustomers(sb, { token })).status).toBe(200);
  });

  it("'users' keeps meaning the batch endpoint; a rule without a path hits every endpoint", async () => {
    sb.setFaults([{ match: { path: 'users' }, status: 500 }]);
    expect((await callUsers(sb, { token })).status).toBe(500);
    expect((await callCustomers(sb, { token })).status).toBe(200);
    expect((await callUser(sb, { token, url: sb.userUrl(0, 0, 1) })).status).toBe(200);
    sb.setFaults([{ match: { first: 2 }, status: 504, body: '<html>gateway timeout</html>' }]);
    expect((await callCustomers(sb, { token })).status).toBe(504);
    const text = await callUser(sb, { token, url: sb.userUrl(0, 0, 1) });
    expect(text.status).toBe(504);
    expect(text.text).toBe('<html>gateway timeout</html>');
  });

  it('matches the customers pageIndex, and counts customers and user requests in apiRequests', async () => {
    sb.resetStats();
    sb.setFaults([{ match: { path: 'customers', pageIndex: 2 }, status: 503 }]);
    expect((await callCustomers(sb, { token, query: { pageIndex: 1, pageSize: 1 } })).status).toBe(200);
    expect((await callCustomers(sb, { token, query: { pageIndex: 2, pageSize: 1 } })).status).toBe(503);
    await callUser(sb, { token, url: sb.userUrl(0, 0, 1) });
    expect(sb.stats()).toMatchObject({ apiRequests: 3, faultsInjected: 1 });
  });

  it('matches the customerId and tenantId of a one-user path', async () => {
    sb.setFaults([{ match: { path: 'user', tenantId: sb.customers[0]!.tenants[1]!.tenantId }, status: 500 }]);
    expect((await callUser(sb, { token, url: sb.userUrl(0, 0, 0) })).status).toBe(200);
    expect((await callUser(sb, { token, url: sb.userUrl(0, 1, 0) })).status).toBe(500);
  });

  it('a rate limit can guard the customers endpoint', async () => {
    sb.setRateLimit({ capacity: 1, refillPerSecond: 0.001, path: 'customers' });
    expect((await callCustomers(sb, { token })).status).toBe(200);
    const limited = await callCustomers(sb, { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await callUsers(sb, { token })).status).toBe(200);
  });

  it('refuses batch-page fields on another path, naming the field', () => {
    expect(() => sb.setFaults([{ match: { path: 'customers' }, hugeBody: { bytes: 2048 } }])).toThrow(
      /hugeBody applies to users requests only/,
    );
    expect(() => sb.setFaults([{ match: { path: 'user' }, churn: { inserts: 1 } }])).toThrow(/churn applies to users requests only/);
    expect(() => sb.setFaults([{ match: { path: 'tenants' as never } }])).toThrow(/match\.path must be/);
  });
});
