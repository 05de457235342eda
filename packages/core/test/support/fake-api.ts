// An in-memory AvePoint (identity + users batch) behind an injected fetch: no sockets, no timers.
// Each test scripts the answers it needs with `script` and reads what was sent from `requests`.
import { createUsersClient, type UsersClient, type UsersClientOptions } from '../../src/index.js';

export const BASE_URL = 'https://graph.example.test';
export const TOKEN_URL = 'https://identity.example.test/connect/token';
export const CUSTOMER = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
export const TENANT = '0c7715b3-2a4b-4c5d-9e6f-f3634dcfacec';
export const CLIENT_ID = 'app-client-id';
export const CLIENT_SECRET = 'sUp3r-s3cret-value-xyz';

export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

/** Returns a Response to override the default answer, or undefined to let it through. */
export type Script = (request: SentRequest, n: number) => Response | Promise<Response> | undefined;

export function userId(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

export function makeUsers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: userId(i),
    displayName: `User ${i}`,
    userPrincipalName: `user${i}@contoso.example`,
    mail: `user${i}@contoso.example`,
    department: i % 2 === 0 ? 'Sales' : 'R&D',
    status: i % 3 === 0 ? [0, 1] : i % 3 === 1 ? 6 : [],
  }));
}

export interface FakeApiOptions {
  users?: number;
  tokenTtlSeconds?: number;
  /** Serve at most this many users per page, whatever was asked (a service on the 50 default). */
  servedPageSize?: number;
}

export function createFakeApi(options: FakeApiOptions = {}) {
  const users = makeUsers(options.users ?? 250);
  const requests: SentRequest[] = [];
  const scripts: Script[] = [];
  let tokenCount = 0;
  let validTokens = new Set<string>();
  let apiCalls = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  const fetch = async (request: Request): Promise<Response> => {
    const sent: SentRequest = { url: new URL(request.url), method: request.method, headers: new Headers(request.headers), body: await request.text() };
    requests.push(sent);
    const n = requests.length;
    for (const script of scripts) {
      const scripted = await script(sent, n);
      if (scripted) return scripted;
    }
    if (sent.url.href === TOKEN_URL) {
      const form = new URLSearchParams(sent.body);
      if (form.get('client_id') !== CLIENT_ID) return json(400, { error: 'invalid_client' });
      if (form.has('client_secret') && form.get('client_secret') !== CLIENT_SECRET) return json(400, { error: 'invalid_client' });
      tokenCount++;
      const token = `token-${tokenCount}-abcdefgh`;
      validTokens.add(token);
      return json(200, { access_token: token, expires_in: options.tokenTtlSeconds ?? 3600, token_type: 'Bearer', scope: form.get('scope') });
    }
    if (sent.url.origin === BASE_URL && sent.url.pathname.endsWith('/users/batch')) {
      apiCalls++;
      const auth = sent.headers.get('authorization') ?? '';
      if (!validTokens.has(auth.replace(/^Bearer /, ''))) return json(401, { message: 'token invalid' });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        // Lets other requests start, so concurrency is observable.
        await new Promise((resolve) => setImmediate(resolve));
        const pageIndex = Number(sent.url.searchParams.get('pageIndex'));
        const pageSize = Math.min(Number(sent.url.searchParams.get('pageSize')), options.servedPageSize ?? Infinity);
        const body = sent.body ? (JSON.parse(sent.body) as { userIds?: string[] }) : {};
        const wanted = body.userIds?.length ? users.filter((u) => body.userIds!.some((id) => id.toLowerCase() === u.id)) : users;
        const data = wanted.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
        return json(200, { data, metadata: { pageIndex, pageSize, totalCount: wanted.length } }, { 'x-request-id': `req-${n}` });
      } finally {
        inFlight--;
      }
    }
    return json(404, { message: 'no such route' });
  };

  return {
    fetch,
    users,
    requests,
    apiRequests: () => requests.filter((r) => r.url.origin === BASE_URL),
    tokenRequests: () => requests.filter((r) => r.url.href === TOKEN_URL),
    script(s: Script) {
      scripts.push(s);
    },
    expireAllTokens() {
      validTokens = new Set();
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get apiCalls() {
      return apiCalls;
    },
    json,
  };
}

/** A clock and a sleep that only move when told: retries and token expiry without waiting. */
export function fakeTime(start = Date.parse('2026-06-01T00:00:00Z')) {
  let nowMs = start;
  const sleeps: number[] = [];
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      nowMs += ms;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
export type FakeTime = ReturnType<typeof fakeTime>;

/** A client on the fake API with a client secret, fake time and fixed jitter; `extra` overrides options. */
export function createFakeClient(
  api: FakeApi,
  time: FakeTime = fakeTime(),
  extra: Partial<UsersClientOptions> & { random?: () => number } = {},
): UsersClient {
  return createUsersClient({
    baseUrl: BASE_URL,
    tokenUrl: TOKEN_URL,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    fetch: api.fetch,
    sleep: time.sleep,
    now: time.now,
    random: () => 0,
    ...extra,
  } as UsersClientOptions);
}
