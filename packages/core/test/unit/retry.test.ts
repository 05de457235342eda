import { describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointError, createUsersClient, type RetryEvent } from '../../src/index.js';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT, TOKEN_URL, createFakeApi, fakeTime, createFakeClient } from '../support/fake-api.js';

const page = { customerId: CUSTOMER, tenantId: TENANT, pageSize: 10, userIds: [] as string[] };

function setup(retry?: { maxRetries?: number; maxDelayMs?: number; baseDelayMs?: number } | false) {
  const api = createFakeApi();
  const time = fakeTime();
  const events: RetryEvent[] = [];
  const client = createFakeClient(api, time, {
    random: () => 0.5,
    onRetry: (e) => events.push(e),
    ...(retry === undefined ? {} : { retry }),
  });
  return { api, time, client, events };
}

/** Answers the first `n` API calls with `make()`, then lets them through. */
function failFirst(api: ReturnType<typeof createFakeApi>, n: number, make: () => Response | Promise<Response>) {
  let seen = 0;
  api.script((r) => (r.url.origin === BASE_URL && seen++ < n ? make() : undefined));
}

describe('retries', () => {
  it('honours Retry-After in seconds on 429 and re-sends the same body', async () => {
    const { api, time, client, events } = setup();
    const ids = [api.users[1]!.id, api.users[2]!.id];
    failFirst(api, 2, () => api.json(429, { message: 'slow down' }, { 'retry-after': '3' }));
    const result = await client.getUsersPage({ ...page, userIds: ids });
    expect(result.users).toHaveLength(2);
    expect(time.sleeps).toEqual([3000, 3000]);
    const bodies = api.apiRequests().map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies)).toEqual(new Set([JSON.stringify({ userIds: ids })]));
    expect(events.map((e) => [e.retry, e.status])).toEqual([[1, 429], [2, 429]]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { api, time, client } = setup();
    failFirst(api, 1, () => new Response('', { status: 503, headers: { 'retry-after': new Date(time.now() + 7000).toUTCString() } }));
    await client.getUsersPage(page);
    expect(time.sleeps).toEqual([7000]);
  });

  it('backs off exponentially with full jitter on 503/504 without Retry-After, capped', async () => {
    const { api, time, client } = setup({ maxRetries: 6, maxDelayMs: 3000, baseDelayMs: 500 });
    failFirst(api, 5, () => new Response('', { status: 504 }));
    await client.getUsersPage(page);
    // random 0.5 -> half of each capped step (500, 1000, 2000, 3000, 3000)
    expect(time.sleeps).toEqual([250, 500, 1000, 1500, 1500]);
  });

  it('retries 500 and 502: this POST is a read', async () => {
    for (const status of [500, 502]) {
      const { api, client, events } = setup();
      failFirst(api, 2, () => new Response('<html>Bad Gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
      const result = await client.getUsersPage(page);
      expect(result.users).toHaveLength(10);
      expect(events.map((e) => e.status)).toEqual([status, status]);
    }
  });

  it('retries network errors and resets', async () => {
    const { api, client, events } = setup();
    failFirst(api, 2, () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })));
    const result = await client.getUsersPage(page);
    expect(result.users).toHaveLength(10);
    expect(events[0]!.error).toContain('ECONNRESET');
  });

  it('retries a body that breaks off half way', async () => {
    const { api, client } = setup();
    failFirst(api, 1, () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"data":['));
          c.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200 });
    });
    const result = await client.getUsersPage(page);
    expect(result.users).toHaveLength(10);
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('gives up after maxRetries with the retry count on the error', async () => {
    const { api, client } = setup({ maxRetries: 3 });
    failFirst(api, 100, () => api.json(429, { message: 'no' }, { 'retry-after': '1', 'x-request-id': 'rid-7' }));
    const error = (await client.getUsersPage(page).catch((e: unknown) => e)) as AvePointApiError;
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryCount: 3, requestId: 'rid-7' });
    expect(api.apiRequests()).toHaveLength(4);
  });

  it('gives up on network errors with NETWORK_ERROR', async () => {
    const { api, client } = setup({ maxRetries: 2 });
    failFirst(api, 100, () => Promise.reject(new TypeError('fetch failed')));
    const error = await client.getUsersPage(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryCount: 2 });
  });

  it('does not retry 400, 403 or 404', async () => {
    for (const status of [400, 403, 404]) {
      const { api, client } = setup();
      failFirst(api, 100, () => new Response('', { status }));
      await expect(client.getUsersPage(page)).rejects.toMatchObject({ status, retryCount: 0 });
      expect(api.apiRequests()).toHaveLength(1);
    }
  });

  it('does not retry at all with retry: false', async () => {
    const { api, client } = setup(false);
    failFirst(api, 100, () => new Response('', { status: 503 }));
    await expect(client.getUsersPage(page)).rejects.toMatchObject({ code: 'UNAVAILABLE', retryCount: 0 });
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('stops when Retry-After asks for more than maxDelayMs', async () => {
    const { api, client, time } = setup({ maxDelayMs: 10_000 });
    failFirst(api, 100, () => new Response('', { status: 429, headers: { 'retry-after': '60' } }));
    await expect(client.getUsersPage(page)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryCount: 0 });
    expect(time.sleeps).toEqual([]);
  });
});

describe('abort and timeout', () => {
  it('aborts promptly while waiting out a Retry-After (real sleep)', async () => {
    const api = createFakeApi();
    api.script((r) => (r.url.origin === BASE_URL ? new Response('', { status: 429, headers: { 'retry-after': '30' } }) : undefined));
    const client = createUsersClient({ baseUrl: BASE_URL, tokenUrl: TOKEN_URL, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, fetch: api.fetch });
    const controller = new AbortController();
    const pending = client.getUsersPage(page, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('times out an attempt that never answers, and retries it', async () => {
    const api = createFakeApi();
    let hung = 0;
    api.script((r, _n) => {
      if (r.url.origin !== BASE_URL || hung++ > 0) return undefined;
      return new Promise<Response>(() => undefined); // never settles; only the abort ends it
    });
    const time = fakeTime();
    const neverFetch = (request: Request) =>
      new Promise<Response>((resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
        api.fetch(request).then(resolve, reject);
      });
    const client = createUsersClient({
      baseUrl: BASE_URL,
      tokenUrl: TOKEN_URL,
      credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      fetch: neverFetch,
      timeoutMs: 30,
      sleep: time.sleep,
      random: () => 0,
    });
    const result = await client.getUsersPage(page);
    expect(result.users).toHaveLength(10);
    expect(time.sleeps).toHaveLength(1);
  });

  it('reports TIMEOUT when every attempt times out', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const client = createUsersClient({ baseUrl: BASE_URL, credentials: { accessToken: 'tok-abc' }, fetch: hang, timeoutMs: 10, retry: false });
    await expect(client.getUsersPage(page)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
