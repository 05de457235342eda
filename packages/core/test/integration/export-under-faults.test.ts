// The proof the issue asks for: 100,000 users at concurrency 8 over real HTTP while the sandbox
// storms 429s, answers 503s, resets connections and expires every token half way. Every user
// must come out exactly once and in order; the token and retry counts must add up.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersClient } from '../../src/index.js';

const USERS = 100_000;
const PAGE_SIZE = 100;
const PAGES = USERS / PAGE_SIZE;

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ users: USERS, seed: 11 });
});
afterAll(async () => {
  await sb.close();
});

describe('100,000-user export under faults', () => {
  it('yields every user exactly once, in order, with one token refresh and every retry accounted for', async () => {
    sb.setFaults([
      // A 429 storm: pages 300-303, in flight together, are each refused five times in a row...
      ...[300, 301, 302, 303].map((pageIndex) => ({
        match: { path: 'users' as const, pageIndex, first: 5 },
        status: 429 as const,
        retryAfter: '1',
      })),
      // ...and every 37th request all along.
      { match: { path: 'users', nth: 37 }, status: 429, retryAfter: '1' },
      { match: { path: 'users', nth: 53 }, status: 503 },
      { match: { path: 'users', nth: 71 }, reset: true },
      { match: { path: 'users', nth: 89 }, status: 504, retryAfter: new Date(Date.now() + 1000).toUTCString() },
      // Every token dies when page 500 is asked for: the in-flight requests all see 401.
      { match: { path: 'users', pageIndex: PAGES / 2, first: 1 }, expireTokens: true },
    ]);
    sb.resetStats();
    const sleeps: number[] = [];
    let retries = 0;
    const client = createUsersClient({
      baseUrl: sb.baseUrl,
      tokenUrl: sb.tokenUrl,
      credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
      // Retries happen at once: the test proves the behaviour, not the waiting.
      sleep: async (ms) => void sleeps.push(ms),
      onRetry: () => void retries++,
      retry: { maxRetries: 10 },
    });

    const customer = sb.customers[0]!;
    let count = 0;
    let outOfOrder = 0;
    const seen = new Set<string>();
    for await (const user of client.listUsers({
      customerId: customer.customerId,
      tenantId: customer.tenants[0]!.tenantId,
      pageSize: PAGE_SIZE,
      concurrency: 8,
    })) {
      if (user.id !== sb.userAt(0, 0, count).id) outOfOrder++;
      seen.add(user.id);
      count++;
    }

    const stats = sb.stats();
    expect(count).toBe(USERS);
    expect(seen.size).toBe(USERS);
    expect(outOfOrder).toBe(0);
    // One token at the start, one refresh shared by every request that saw the 401s.
    expect(stats.tokenRequests).toBe(2);
    const unauthorized = stats.byStatus[401] ?? 0;
    expect(unauthorized).toBeGreaterThanOrEqual(1);
    expect(unauthorized).toBeLessThanOrEqual(8);
    // Every API request is a page, a retry, or the one re-send after a 401.
    expect(stats.apiRequests).toBe(PAGES + retries + unauthorized);
    expect(stats.byStatus[429]).toBeGreaterThanOrEqual(20);
    expect(stats.byStatus[503]).toBeGreaterThan(0);
    expect(stats.byStatus[504]).toBeGreaterThan(0);
    const resets = retries - (stats.byStatus[429] ?? 0) - (stats.byStatus[503] ?? 0) - (stats.byStatus[504] ?? 0);
    expect(resets).toBeGreaterThan(0);
    expect(sleeps).toContain(1000);
    // One wait per retry, plus the pacer's waits once the 429 storm made it slow down.
    expect(sleeps.length).toBeGreaterThanOrEqual(retries);
  }, 120_000);
});
