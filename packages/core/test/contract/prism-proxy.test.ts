// Stoplight Prism's validating proxy as a third-party referee between core's client and the
// sandbox: `prism proxy spec/openapi.yaml <sandbox> --errors` checks every request against the
// spec before forwarding it (a violation is answered 422 by Prism, never forwarded) and every
// response on its way back (a violation is reported in `sl-violations`, and with --errors turns
// the answer into a 500 problem document). So a response that reaches the client with neither
// means spec, client and sandbox agree on that exchange, faults included. The token endpoint is
// not in the spec (Prism proxies only what the spec describes): tokens come from the sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUsersClient, type UsersClient } from '../../src/index.js';

const require = createRequire(import.meta.url);
const PRISM = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
const SPEC = require.resolve('@avepoint-graph-kit/openapi/openapi.yaml');

interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  violations: string | null;
}

let sb: Sandbox;
let prism: ChildProcess;
let prismLog = '';
let proxyUrl = '';
const exchanges: Exchange[] = [];

/** Starts Prism on a free port and resolves with its URL once it says it listens. */
function startPrism(upstream: string): Promise<string> {
  prism = spawn(process.execPath, [PRISM, 'proxy', SPEC, upstream, '--errors', '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${prismLog}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      prismLog += chunk.toString();
      // eslint-disable-next-line no-control-regex -- Prism colours its log with ANSI escapes
      const match = /Prism is listening on (http:\/\/[\d.]+:\d+)/.exec(prismLog.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    prism.stdout?.on('data', onData);
    prism.stderr?.on('data', onData);
    prism.once('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${prismLog}`)));
  });
}

/** fetch through the proxy, recording what Prism said about each exchange. */
async function recorded(input: Request | string, init?: RequestInit): Promise<Response> {
  const request = typeof input === 'string' ? new Request(input, init) : input;
  const response = await fetch(request);
  if (request.url.startsWith(proxyUrl)) {
    exchanges.push({
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      contentType: response.headers.get('content-type'),
      violations: response.headers.get('sl-violations'),
    });
  }
  return response;
}

/** Exchanges Prism objected to: a violation reported, or an answer Prism made up itself. */
const objections = (): Exchange[] =>
  exchanges.filter((e) => e.violations !== null || (e.contentType ?? '').startsWith('application/problem+json'));

const noWait = async (): Promise<void> => undefined;

function client(): UsersClient {
  return createUsersClient({
    baseUrl: proxyUrl,
    tokenUrl: sb.tokenUrl,
    credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
    fetch: recorded,
    sleep: noWait,
  });
}

async function token(scope: string, app = { clientId: sb.clientId, clientSecret: sb.clientSecret }): Promise<string> {
  const res = await fetch(sb.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const proxied = (url: string): string => url.replace(sb.baseUrl, proxyUrl);
const tenant = () => ({ customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId });

beforeAll(async () => {
  sb = await startSandbox({ users: 230, seed: 3 });
  proxyUrl = await startPrism(sb.baseUrl);
});
afterAll(async () => {
  prism?.kill();
  await sb?.close();
});
afterEach(() => {
  sb.setFaults([]);
});

describe('core through the validating proxy', () => {
  afterEach(() => {
    expect(objections(), prismLog.slice(-4000)).toEqual([]);
    exchanges.length = 0;
  });

  it('getUsersPage, listUsers and getUsersByIds: every request and response valid', async () => {
    const c = client();
    const page = await c.getUsersPage({ ...tenant(), pageIndex: 2, pageSize: 10 });
    expect(page.users.map((u) => u.id)).toEqual(Array.from({ length: 10 }, (_, i) => sb.userAt(0, 0, 10 + i).id));
    const all: string[] = [];
    for await (const user of c.listUsers({ ...tenant(), pageSize: 50 })) all.push(user.id);
    expect(all).toHaveLength(230);
    const wanted = [sb.userAt(0, 0, 5).id, '11111111-2222-4333-8444-555555555555', sb.userAt(0, 0, 200).id];
    const byIds = await c.getUsersByIds({ ...tenant(), userIds: wanted });
    expect(byIds.users.map((u) => u.id)).toEqual([wanted[0], wanted[2]]);
    expect(byIds.notFound).toEqual([wanted[1]]);
    expect(exchanges.length).toBeGreaterThanOrEqual(7);
  });

  it('429, 500, 502, 503 and 504, JSON and text bodies, are valid answers that core retries', async () => {
    sb.setFaults([
      // The Nth users request only, N = 1..5: one status each, whatever the random rule below draws.
      { match: { path: 'users', nth: 1, first: 1 }, status: 429, retryAfter: '1' },
      { match: { path: 'users', nth: 2, first: 1 }, status: 503, retryAfter: '2', body: 'Service Unavailable' },
      { match: { path: 'users', nth: 3, first: 1 }, status: 502, body: '<html><body>Bad Gateway</body></html>' },
      { match: { path: 'users', nth: 4, first: 1 }, status: 500 },
      { match: { path: 'users', nth: 5, first: 1 }, status: 504, body: '' },
      { match: { path: 'users', probability: 0.3 }, oneOf: [429, 500, 502, 503, 504], retryAfter: '1' },
    ]);
    const all: string[] = [];
    for await (const user of client().listUsers({ ...tenant(), pageSize: 25 })) all.push(user.id);
    expect(all).toHaveLength(230);
    const statuses = new Set(exchanges.map((e) => e.status));
    for (const status of [429, 500, 502, 503, 504]) expect(statuses, `a ${status} went through`).toContain(status);
    expect(exchanges.some((e) => (e.contentType ?? '').startsWith('text/plain'))).toBe(true);
  });

  it('status as a bare integer is valid, and core reads it as an array', async () => {
    sb.setFaults([{ match: { path: 'users' }, statusAsInteger: true }]);
    const page = await client().getUsersPage({ ...tenant(), pageSize: 9 });
    expect(page.users.map((u) => u.status)).toEqual(Array.from({ length: 9 }, (_, i) => sb.userAt(0, 0, i).status.slice(0, 1)));
  });

  it('an expired token: the sandbox answers 401 through the proxy, and core refreshes', async () => {
    const c = client();
    await c.getUsersPage({ ...tenant(), pageSize: 1 });
    sb.expireTokens();
    await c.getUsersPage({ ...tenant(), pageSize: 1 });
    expect(exchanges.map((e) => e.status)).toEqual([200, 401, 200]);
  });
});

describe('listCustomers and getUser through the validating proxy (plain fetch)', () => {
  afterEach(() => {
    expect(objections(), prismLog.slice(-4000)).toEqual([]);
    exchanges.length = 0;
  });

  const post = (t: string, body: unknown, query = '') =>
    recorded(`${proxied(sb.customersUrl())}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = (t: string, url: string) => recorded(proxied(url), { headers: { authorization: `Bearer ${t}` } });

  it('lists customers, filters them, pages them, and refuses an app without the permission', async () => {
    const t = await token('elements.customers.read.all');
    const all = (await (await post(t, {})).json()) as { data: Array<{ id: string }>; metadata: { totalCount: number } };
    expect(all.data.map((c) => c.id)).toEqual(sb.customers.filter((c) => c.inScope).map((c) => c.customerId));
    const some = (await (await post(t, { customerIds: [sb.customers[2]!.customerId] })).json()) as { data: unknown[] };
    expect(some.data).toEqual([sb.customerAt(2)]);
    expect((await post(t, {}, '?pageIndex=2&pageSize=2')).status).toBe(200);
    const usersOnly = await token('elements.um.user.read.all', sb.usersOnlyClient);
    expect((await post(usersOnly, {})).status).toBe(403);
  });

  it('gets a user in full, 404 for an unknown one, and a bare-integer status', async () => {
    const t = await token('elements.um.user.read.all');
    const res = await get(t, sb.userUrl(0, 0, 4));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(sb.userDetailAt(0, 0, 4));
    expect((await get(t, sb.userUrl(0, 0, '11111111-2222-4333-8444-555555555555'))).status).toBe(404);
    expect((await get(t, sb.userUrl(1, 0, 0))).status).toBe(403);
    sb.setFaults([{ match: { path: 'user' }, statusAsInteger: true }]);
    expect(((await (await get(t, sb.userUrl(0, 0, 2))).json()) as { status: unknown }).status).toBe(sb.userAt(0, 0, 2).status[0]);
  });

  it('faults on both: 429 with Retry-After, text 503, 502 and 504', async () => {
    const t = await token('elements.customers.read.all elements.um.user.read.all');
    sb.setFaults([
      { match: { path: 'customers', nth: 1, first: 1 }, status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' },
      { match: { path: 'customers', nth: 2, first: 1 }, status: 503, body: 'down for maintenance' },
      { match: { path: 'user', nth: 1, first: 1 }, status: 502 },
      { match: { path: 'user', nth: 2, first: 1 }, status: 504, body: 'upstream timed out' },
    ]);
    expect((await post(t, {})).status).toBe(429);
    expect((await post(t, {})).status).toBe(503);
    expect((await post(t, {})).status).toBe(200);
    expect((await get(t, sb.userUrl(0, 1, 0))).status).toBe(502);
    expect((await get(t, sb.userUrl(0, 1, 0))).status).toBe(504);
    expect((await get(t, sb.userUrl(0, 1, 0))).status).toBe(200);
  });
});

describe('the referee is awake', () => {
  afterEach(() => {
    exchanges.length = 0;
  });

  it('answers a request the spec forbids itself (422), without forwarding it', async () => {
    const t = await token('elements.um.user.read.all');
    const before = sb.stats().apiRequests;
    const res = await recorded(`${proxied(sb.usersUrl())}?pageSize=101`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = JSON.stringify(await res.json());
    // Prism folds query names to lower case.
    expect(problem, problem).toMatch(/pagesize/i);
    expect(sb.stats().apiRequests).toBe(before);
  });

  it('turns a response the spec forbids into an error: a lying totalCount, a page over 100 users', async () => {
    const t = await token('elements.um.user.read.all');
    const call = (pageSize: number) =>
      recorded(`${proxied(sb.usersUrl())}?pageSize=${pageSize}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: '{}',
      });
    sb.setFaults([{ match: { path: 'users' }, totalCount: -1 }]);
    const lying = await call(5);
    expect(lying.status).toBe(500);
    expect(lying.headers.get('sl-violations')).toMatch(/totalCount/);
    sb.setFaults([{ match: { path: 'users' }, servePageSize: 101 }]);
    const oversized = await call(100);
    expect(oversized.status).toBe(500);
    expect(oversized.headers.get('sl-violations')).toMatch(/100 items/);
  });
});
