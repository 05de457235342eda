import { afterEach, describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointError, createUsersClient, type RetryEvent } from '../../src/index.js';
import type { FaultRule } from '@avepoint-graph-kit/sandbox';
import { fakeTime } from '../support/fake-time.js';
import { closeSandboxes, startInProcessSandbox, type InProcessSandbox } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

const page = (s: InProcessSandbox) => ({ ...s.tenant, pageSize: 10, userIds: [] as string[] });

async function setup(retry?: { maxRetries?: number; maxDelayMs?: number; baseDelayMs?: number } | false) {
  const s = await startInProcessSandbox();
  const events: RetryEvent[] = [];
  const client = s.client({
    random: () => 0.5,
    onRetry: (e) => events.push(e),
    ...(retry === undefined ? {} : { retry }),
  });
  return { s, time: s.time, client, events };
}

/** A fault on the first `n` users requests (every one when n is absent). */
const onUsers = (rule: Omit<FaultRule, 'match'>, n?: number): FaultRule[] => [
  { match: { path: 'users', ...(n === undefined ? {} : { first: n }) }, ...rule },
];

/** The sandbox's request id of its last answer: what an error must carry. */
const lastRequestId = (s: InProcessSandbox) => s.sb.requests().at(-1)!.requestId;

describe('retries', () => {
  it('honours Retry-After in seconds on 429 and re-sends the same body', async () => {
    const { s, time, client, events } = await setup();
    const ids = [s.sb.userAt(0, 0, 1).id, s.sb.userAt(0, 0, 2).id];
    s.sb.setFaults(onUsers({ status: 429, retryAfter: '3', body: { message: 'slow down' } }, 2));
    const result = await client.getUsersPage({ ...page(s), userIds: ids });
    expect(result.users).toHaveLength(2);
    expect(time.sleeps).toEqual([3000, 3000]);
    const bodies = s.apiRequests().map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies)).toEqual(new Set([JSON.stringify({ userIds: ids })]));
    expect(events.map((e) => [e.retry, e.status])).toEqual([
      [1, 429],
      [2, 429],
    ]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { s, time, client } = await setup();
    s.sb.setFaults(onUsers({ status: 503, retryAfter: new Date(time.now() + 7000).toUTCString() }, 1));
    await client.getUsersPage(page(s));
    expect(time.sleeps).toEqual([7000]);
  });

  it('backs off exponentially with full jitter on 503/504 without Retry-After, capped', async () => {
    const { s, time, client } = await setup({ maxRetries: 6, maxDelayMs: 3000, baseDelayMs: 500 });
    s.sb.setFaults(onUsers({ status: 504 }, 5));
    await client.getUsersPage(page(s));
    // random 0.5 -> half of each capped step (500, 1000, 2000, 3000, 3000)
    expect(time.sleeps).toEqual([250, 500, 1000, 1500, 1500]);
  });

  it('retries 500 and 502: this POST is a read', async () => {
    for (const status of [500, 502] as const) {
      const { s, client, events } = await setup();
      s.sb.setFaults(onUsers({ status, body: '<html>Bad Gateway</html>' }, 2));
      const result = await client.getUsersPage(page(s));
      expect(result.users).toHaveLength(10);
      expect(events.map((e) => e.status)).toEqual([status, status]);
    }
  });

  it('retries network errors and resets', async () => {
    const { s, client, events } = await setup();
    s.sb.setFaults(onUsers({ reset: true }, 2));
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    expect(events).toHaveLength(2);
    expect(events[0]!.error).toContain('ECONNRESET');
  });

  it('retries a body that breaks off half way', async () => {
    const { s, client, events } = await setup();
    // The headers announce the whole body; half of it arrives, then the connection closes.
    s.sb.setFaults(onUsers({ truncateBody: {} }, 1));
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    expect(s.apiRequests()).toHaveLength(2);
    expect(events[0]!.error).toMatch(/terminated/);
  });

  it('gives up after maxRetries with the retry count on the error', async () => {
    const { s, client } = await setup({ maxRetries: 3 });
    s.sb.setFaults(onUsers({ status: 429, retryAfter: '1', body: { message: 'no' } }));
    const error = (await client.getUsersPage(page(s)).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryCount: 3, requestId: lastRequestId(s) });
    expect(s.apiRequests()).toHaveLength(4);
  });

  it('gives up on network errors with NETWORK_ERROR', async () => {
    const { s, client } = await setup({ maxRetries: 2 });
    s.sb.setFaults(onUsers({ reset: true }));
    const error = await client.getUsersPage(page(s)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryCount: 2 });
    expect(s.apiRequests()).toHaveLength(3);
  });

  it('does not retry 400, 403 or 404', async () => {
    for (const status of [400, 403, 404]) {
      // Real refusals: IDs past the service's limit, a customer out of scope, an unknown tenant.
      const s = await startInProcessSandbox({ maxUserIds: 1 });
      const client = s.client();
      const request =
        status === 400
          ? { ...s.tenant, userIds: [s.sb.userAt(0, 0, 1).id, s.sb.userAt(0, 0, 2).id] }
          : status === 403
            ? { customerId: s.sb.customers[1]!.customerId, tenantId: s.sb.customers[1]!.tenants[0]!.tenantId }
            : { customerId: s.tenant.customerId, tenantId: '11111111-2222-4333-8444-555555555555' };
      await expect(client.getUsersPage(request)).rejects.toMatchObject({ status, retryCount: 0 });
      expect(s.apiRequests()).toHaveLength(1);
    }
  });

  it('does not retry at all with retry: false', async () => {
    const { s, client } = await setup(false);
    s.sb.setFaults(onUsers({ status: 503 }));
    await expect(client.getUsersPage(page(s))).rejects.toMatchObject({ code: 'UNAVAILABLE', retryCount: 0 });
    expect(s.apiRequests()).toHaveLength(1);
  });

  it('stops when Retry-After asks for more than maxDelayMs', async () => {
    const { s, client, time } = await setup({ maxDelayMs: 10_000 });
    s.sb.setFaults(onUsers({ status: 429, retryAfter: '60' }));
    await expect(client.getUsersPage(page(s))).rejects.toMatchObject({ code: 'RATE_LIMITED', retryCount: 0 });
    expect(time.sleeps).toEqual([]);
  });

  it('waits out the token bucket the sandbox announces', async () => {
    // Not a fault rule: the rate limit itself, whose Retry-After is the wait until the next token.
    const { s, time, client } = await setup();
    s.sb.setRateLimit({ capacity: 1, refillPerSecond: 0.5 });
    const pages = [await client.getUsersPage(page(s)), await client.getUsersPage(page(s))];
    expect(pages.map((p) => p.users.length)).toEqual([10, 10]);
    expect(time.sleeps).toEqual([2000]);
    expect(s.sb.stats().byStatus[429]).toBe(1);
  });
});

describe('abort and timeout', () => {
  it('aborts promptly while waiting out a Retry-After (real sleep)', async () => {
    const s = await startInProcessSandbox();
    s.sb.setFaults(onUsers({ status: 429, retryAfter: '30' }));
    const client = createUsersClient({
      baseUrl: s.sb.baseUrl,
      tokenUrl: s.sb.tokenUrl,
      credentials: { clientId: s.sb.clientId, clientSecret: s.sb.clientSecret },
      fetch: s.fetch,
    });
    const controller = new AbortController();
    const pending = client.getUsersPage(page(s), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(s.apiRequests()).toHaveLength(1);
  });

  it('times out an attempt that never answers, and retries it', async () => {
    // The sandbox sits on the first users request for an hour (real timers; close() ends it).
    const s = await startInProcessSandbox();
    s.sb.setFaults(onUsers({ latencyMs: 3_600_000 }, 1));
    const time = fakeTime();
    const client = s.client({ timeoutMs: 30, sleep: time.sleep });
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    expect(time.sleeps).toHaveLength(1);
    expect(s.apiRequests()).toHaveLength(2);
    expect(s.apiRequests()[0]!.signal.aborted).toBe(true);
  });

  it('reports TIMEOUT when every attempt times out', async () => {
    // Faults come before authentication, like a gateway's: any token waits just as long.
    const s = await startInProcessSandbox();
    s.sb.setFaults(onUsers({ latencyMs: 3_600_000 }));
    const client = createUsersClient({
      baseUrl: s.sb.baseUrl,
      credentials: { accessToken: 'tok-abc' },
      fetch: s.fetch,
      timeoutMs: 10,
      retry: false,
    });
    await expect(client.getUsersPage(page(s))).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
