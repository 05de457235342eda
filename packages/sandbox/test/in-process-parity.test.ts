// The in-process fetch answers as HTTP does: one table of scenarios (endpoints, errors, every kind
// of fault, rate limits, expired tokens, churn) runs against a listening sandbox through Node's
// fetch and against a `listen: false` sandbox of the same seed through `sandbox.fetch`, and what a
// client can observe must be the same: the rejection, status, headers, body bytes, how the body
// ends, and what the sandbox recorded and counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IN_PROCESS_ORIGIN, startSandbox, type FaultRule, type RateLimit, type Sandbox } from '../src/index.js';

/** Headers of the connection, not of the answer: only a socket has them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
/** Bytes read of a body before giving up: enough to see a bomb or an endless body for what it is. */
const READ_CAP = 4 * 1024 * 1024;
const REQUEST_ID = 'parity-check-0001';

interface Side {
  sb: Sandbox;
  fetch: typeof fetch;
  token: string;
}

interface Call {
  path: (sb: Sandbox) => string;
  method?: string;
  headers?: Record<string, string>;
  body?: (sb: Sandbox) => string;
  /** Which bearer token to send: the sandbox's fresh one (default), none, or a made-up one. */
  auth?: 'token' | 'none' | 'bogus';
}

interface Scenario {
  name: string;
  faults?: FaultRule[];
  rateLimit?: RateLimit;
  /** Run before the calls (on each sandbox). */
  before?: (sb: Sandbox) => void;
  /** Calls in order; the last one's answer is compared, the earlier ones only prime the sandbox. */
  calls: Call[];
}

const usersPage = (query = 'pageIndex=1&pageSize=5'): Call => ({
  path: (sb) => `${sb.usersUrl()}?${query}`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: () => '{}',
});
const tokenForm = (form: (sb: Sandbox) => Record<string, string>): Call => ({
  path: (sb) => sb.tokenUrl,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: (sb) => new URLSearchParams(form(sb)).toString(),
  auth: 'none',
});
const users = (rules: FaultRule[]): FaultRule[] => rules.map((rule) => ({ ...rule, match: { path: 'users', ...rule.match } }));

const SCENARIOS: Scenario[] = [
  {
    name: 'a token for the secret client',
    calls: [tokenForm((sb) => ({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret }))],
  },
  {
    name: 'a refused client secret (401 invalid_client)',
    calls: [tokenForm((sb) => ({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: 'wrong' }))],
  },
  {
    name: 'a scope the app lacks (400 invalid_scope)',
    calls: [
      tokenForm((sb) => ({
        grant_type: 'client_credentials',
        client_id: sb.usersOnlyClient.clientId,
        client_secret: sb.usersOnlyClient.clientSecret,
        scope: 'elements.customers.read.all',
      })),
    ],
  },
  { name: 'the discovery document', calls: [{ path: (sb) => `${sb.baseUrl}/.well-known/openid-configuration`, auth: 'none' }] },
  { name: 'no route (404)', calls: [{ path: (sb) => `${sb.baseUrl}/nowhere?x=1`, auth: 'none' }] },
  { name: 'a users page', calls: [usersPage('pageIndex=2&pageSize=7')] },
  { name: 'a page past the end', calls: [usersPage('pageIndex=99&pageSize=100')] },
  {
    name: 'users by ID',
    calls: [
      {
        ...usersPage('pageSize=10'),
        body: (sb) => JSON.stringify({ userIds: [sb.userAt(0, 0, 3).id, '11111111-2222-4333-8444-555555555555'] }),
      },
    ],
  },
  { name: 'an invalid pageSize (400)', calls: [usersPage('pageSize=500')] },
  { name: 'no bearer token (401)', calls: [{ ...usersPage(), auth: 'none' }] },
  { name: 'an unknown bearer token (401)', calls: [{ ...usersPage(), auth: 'bogus' }] },
  { name: 'an expired token (401)', before: (sb) => sb.expireTokens(), calls: [usersPage()] },
  { name: 'an expireTokens rule (401)', faults: users([{ expireTokens: true }]), calls: [usersPage()] },
  { name: 'a customer out of scope (403)', calls: [{ ...usersPage(), path: (sb) => `${sb.usersUrl(1, 0)}?pageSize=5` }] },
  {
    name: 'a request body over 1 MiB (413)',
    calls: [{ ...usersPage(), body: () => JSON.stringify({ userIds: [], pad: 'x'.repeat(1024 * 1024) }) }],
  },
  {
    name: 'the customers',
    calls: [
      {
        path: (sb) => `${sb.customersUrl()}?pageSize=3`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: () => '{}',
      },
    ],
  },
  { name: 'one user', calls: [{ path: (sb) => sb.userUrl(0, 0, 4) }] },
  { name: 'one user, HEAD', calls: [{ path: (sb) => sb.userUrl(0, 0, 4), method: 'HEAD' }] },
  { name: 'one unknown user (404)', calls: [{ path: (sb) => sb.userUrl(0, 0, '11111111-2222-4333-8444-555555555555') }] },
  { name: 'GET on the users batch path (405)', calls: [{ path: (sb) => sb.usersUrl() }] },
  {
    name: 'a caller request id that is not sane is replaced',
    calls: [{ ...usersPage(), headers: { 'content-type': 'application/json', 'x-request-id': 'has spaces in it' } }],
  },
  { name: '503 with Retry-After', faults: users([{ status: 503, retryAfter: '7' }]), calls: [usersPage()] },
  { name: '429 with a text body', faults: users([{ status: 429, retryAfter: '2', body: 'slow down' }]), calls: [usersPage()] },
  {
    name: '500, 502 and 504 in turn (oneOf, seeded)',
    faults: users([{ oneOf: [500, 502, 504], seed: 3 }]),
    calls: [usersPage(), usersPage(), usersPage()],
  },
  {
    name: 'every 2nd request 429 (nth)',
    faults: users([{ match: { nth: 2 }, status: 429, retryAfter: '1' }]),
    calls: [usersPage(), usersPage()],
  },
  { name: 'the token bucket (429 with the wait)', rateLimit: { capacity: 1, refillPerSecond: 0.25 }, calls: [usersPage(), usersPage()] },
  {
    name: 'a fault on the token endpoint',
    faults: [{ match: { path: 'token' }, status: 503, retryAfter: '5' }],
    calls: [tokenForm((sb) => ({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret }))],
  },
  { name: 'a reset before the headers', faults: users([{ reset: true }]), calls: [usersPage()] },
  {
    name: 'a reset of a token request',
    faults: [{ match: { path: 'token' }, reset: true }],
    calls: [tokenForm((sb) => ({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret }))],
  },
  { name: 'a reset drawn from oneOf', faults: users([{ oneOf: ['reset'] }]), calls: [usersPage()] },
  { name: 'a body cut after 100 bytes', faults: users([{ truncateBody: { afterBytes: 100 } }]), calls: [usersPage()] },
  { name: 'a body cut in half', faults: users([{ truncateBody: {} }]), calls: [usersPage()] },
  { name: 'a body cut before its first byte', faults: users([{ truncateBody: { afterBytes: 0 } }]), calls: [usersPage()] },
  { name: 'an injected 503 cut short', faults: users([{ status: 503, truncateBody: { afterBytes: 10 } }]), calls: [usersPage()] },
  { name: 'a slow body', faults: users([{ slowBodyMs: 40 }]), calls: [usersPage()] },
  { name: 'latency', faults: users([{ latencyMs: 30 }]), calls: [usersPage()] },
  { name: 'corrupt gzip', faults: users([{ corruptBody: { encoding: 'gzip' } }]), calls: [usersPage()] },
  { name: 'corrupt deflate', faults: users([{ corruptBody: { encoding: 'deflate' } }]), calls: [usersPage()] },
  { name: 'corrupt brotli', faults: users([{ corruptBody: { encoding: 'br' } }]), calls: [usersPage()] },
  {
    name: 'a corrupt body, cut',
    faults: users([{ corruptBody: { encoding: 'gzip' }, truncateBody: { afterBytes: 10 } }]),
    calls: [usersPage()],
  },
  { name: 'a gzip bomb', faults: users([{ compressionBomb: { decompressedBytes: 16 * 1024 * 1024 } }]), calls: [usersPage()] },
  {
    name: 'a two-layer gzip bomb',
    faults: users([{ compressionBomb: { decompressedBytes: 16 * 1024 * 1024, layers: 2 } }]),
    calls: [usersPage()],
  },
  {
    name: 'a brotli bomb',
    faults: users([{ compressionBomb: { encoding: 'br', decompressedBytes: 16 * 1024 * 1024 } }]),
    calls: [usersPage()],
  },
  {
    name: 'a deflate bomb',
    faults: users([{ compressionBomb: { encoding: 'deflate', decompressedBytes: 16 * 1024 * 1024 } }]),
    calls: [usersPage()],
  },
  { name: 'a small bomb, read whole', faults: users([{ compressionBomb: { decompressedBytes: 100_000 } }]), calls: [usersPage()] },
  {
    name: 'a bomb, cut',
    faults: users([{ compressionBomb: { decompressedBytes: 16 * 1024 * 1024 }, truncateBody: { afterBytes: 1000 } }]),
    calls: [usersPage()],
  },
  { name: 'a huge body', faults: users([{ hugeBody: { bytes: 3_000_000 } }]), calls: [usersPage()] },
  { name: 'a huge body, cut in half', faults: users([{ hugeBody: { bytes: 3_000_000 }, truncateBody: {} }]), calls: [usersPage()] },
  {
    name: 'an endless body without content-length',
    faults: users([{ hugeBody: { bytes: 'endless', contentLength: false } }]),
    calls: [usersPage()],
  },
  { name: 'status as a bare integer', faults: users([{ statusAsInteger: true }]), calls: [usersPage('pageSize=9')] },
  {
    name: 'a lying totalCount and page size',
    faults: users([{ totalCount: { add: 5 }, servePageSize: 3 }]),
    calls: [usersPage('pageSize=5')],
  },
  { name: 'an ignored pageIndex', faults: users([{ ignorePageIndex: true }]), calls: [usersPage('pageIndex=3&pageSize=4')] },
  { name: 'churn before the request', faults: users([{ churn: { inserts: 3, deletes: 2, moves: 1 } }]), calls: [usersPage('pageSize=20')] },
];

interface BodyOutcome {
  /** Bytes read (decoded), up to READ_CAP. */
  bytes: number;
  capped: boolean;
  /** The text read, when it is small enough to compare whole; the first 64 bytes otherwise. */
  text: string;
  /** How reading failed, when it did. */
  error?: { name: string; message: string; cause: string | undefined };
}

interface Outcome {
  rejected?: { name: string; message: string; cause: string | undefined };
  status?: number;
  statusText?: string;
  headers?: Record<string, string>;
  body?: BodyOutcome | null;
}

const codeOf = (error: unknown): string | undefined => {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
};

async function readBody(res: Response): Promise<BodyOutcome | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      if (bytes >= READ_CAP) {
        await reader.cancel();
        return { bytes: READ_CAP, capped: true, text: Buffer.concat(chunks).subarray(0, 64).toString('utf8') };
      }
    }
  } catch (error) {
    const e = error as Error;
    return {
      bytes,
      capped: false,
      text: Buffer.concat(chunks).toString('utf8'),
      error: { name: e.name, message: e.message, cause: codeOf(e) },
    };
  }
  return { bytes, capped: false, text: Buffer.concat(chunks).toString('utf8') };
}

async function token(side: Omit<Side, 'token'>): Promise<string> {
  const res = await side.fetch(side.sb.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: side.sb.clientId, client_secret: side.sb.clientSecret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * What a client can observe of the last call, with what differs by nature (secrets, the origin)
 * made comparable; and the code of a rejection's cause, as raised.
 */
async function play(side: Side, scenario: Scenario): Promise<{ outcome: Outcome; rejectedWith: string | undefined }> {
  const { sb } = side;
  scenario.before?.(sb);
  if (scenario.faults) sb.setFaults(scenario.faults);
  if (scenario.rateLimit) sb.setRateLimit(scenario.rateLimit);
  let outcome: Outcome = {};
  let rejectedWith: string | undefined;
  for (const call of scenario.calls) {
    const headers: Record<string, string> = { 'x-request-id': REQUEST_ID, ...call.headers };
    const auth = call.auth ?? 'token';
    if (auth === 'token') headers.authorization = `Bearer ${side.token}`;
    if (auth === 'bogus') headers.authorization = 'Bearer not-a-token-the-sandbox-issued';
    const body = call.body?.(sb);
    try {
      const res = await side.fetch(call.path(sb), { method: call.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
      const seen = Object.fromEntries([...res.headers].filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'date'));
      const read = await readBody(res);
      outcome = { status: res.status, statusText: res.statusText, headers: seen, body: read };
    } catch (error) {
      const e = error as Error;
      outcome = { rejected: { name: e.name, message: e.message, cause: codeOf(e) } };
      rejectedWith = codeOf(e);
    }
  }
  return { outcome: normalize(outcome, sb), rejectedWith };
}

function normalize(outcome: Outcome, sb: Sandbox): Outcome {
  const base = (text: string) => text.split(sb.baseUrl).join('<base>');
  const out = structuredClone(outcome);
  if (out.body) {
    out.body.text = base(out.body.text);
    // Its length moves with the origin's.
    if (out.body.text.includes('<base>')) {
      out.body.bytes = Buffer.byteLength(out.body.text);
      if (out.headers?.['content-length']) out.headers['content-length'] = '<moves with the origin>';
    }
    // A decoder's output comes in whatever pieces it flushes when the connection drops: only the error is the same.
    if (out.body.error && out.headers?.['content-encoding'])
      out.body = { bytes: -1, capped: false, text: '<decoded before the cut>', error: out.body.error };
  }
  if (out.headers) {
    const id = out.headers['x-request-id'];
    if (id !== undefined && id !== REQUEST_ID) out.headers['x-request-id'] = /^[0-9a-f-]{36}$/.test(id) ? '<fresh uuid>' : id;
    if (out.body?.text.includes('access_token'))
      out.body.text = out.body.text.replace(/"access_token":"[^"]+"/, '"access_token":"<secret>"');
  }
  // Over loopback, destroying a socket whose request was read sends FIN, which undici reports as
  // "other side closed"; in process the reset is an ECONNRESET, what the fault is named for.
  // Either is a failed connection before any answer, which is what is compared here.
  if (out.rejected && (out.rejected.cause === 'UND_ERR_SOCKET' || out.rejected.cause === 'ECONNRESET'))
    out.rejected.cause = '<connection failed>';
  return out;
}

/** What the sandbox recorded and counted of the scenario: the same on both sides. */
function footprint(sb: Sandbox) {
  return {
    stats: sb.stats(),
    requests: sb.requests().map(({ requestId, ...rest }) => ({
      ...rest,
      requestId: requestId === REQUEST_ID ? requestId : '<fresh>',
      form: rest.form ? { ...rest.form, client_id: rest.form.client_id ? '<the app>' : undefined } : undefined,
    })),
  };
}

let http: Side;
let inProcess: Side;

beforeAll(async () => {
  const listening = await startSandbox({ users: 300, seed: 7 });
  const local = await startSandbox({ users: 300, seed: 7, listen: false });
  http = { sb: listening, fetch, token: await token({ sb: listening, fetch }) };
  inProcess = { sb: local, fetch: local.fetch, token: await token({ sb: local, fetch: local.fetch }) };
});
afterAll(async () => {
  await http.sb.close();
  await inProcess.sb.close();
});
afterEach(async () => {
  for (const side of [http, inProcess]) {
    side.sb.setFaults([]);
    side.sb.setRateLimit(undefined);
    side.sb.resetChurn();
    side.sb.resetStats();
    side.sb.clearRequests();
    side.token = await token(side);
    side.sb.resetStats();
    side.sb.clearRequests();
  }
});

describe('in process, as over HTTP', () => {
  it('the in-process sandbox is on the non-routable origin', () => {
    expect(inProcess.sb.baseUrl).toBe(IN_PROCESS_ORIGIN);
    expect(inProcess.sb.tokenUrl).toBe(`${IN_PROCESS_ORIGIN}/connect/token`);
    expect(inProcess.sb.usersUrl()).toBe(http.sb.usersUrl().replace(http.sb.baseUrl, IN_PROCESS_ORIGIN));
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const overHttp = await play(http, scenario);
    const httpFootprint = footprint(http.sb);
    const local = await play(inProcess, scenario);
    expect(local.outcome).toEqual(overHttp.outcome);
    expect(footprint(inProcess.sb)).toEqual(httpFootprint);
    // The only rejections in the table are resets: in process, as the fault says, ECONNRESET.
    if (local.outcome.rejected) expect(local.rejectedWith).toBe('ECONNRESET');
  });
});
