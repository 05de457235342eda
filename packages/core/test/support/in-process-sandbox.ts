// The sandbox, served in process (no socket), for the client's fast tests; and what the client
// sent, as seen at the fetch boundary (full headers, body, redirect mode, signal). Nothing of
// AvePoint is played here: every answer is the sandbox's, shaped by its options and fault rules.
// A test that needs an answer no rule can give (a 200 that is HTML, say) answers that one request
// itself with `answer`: an injected fetch in front of the sandbox, never a global mock.
import { startSandbox, type Sandbox, type SandboxOptions } from '@avepoint-graph-kit/sandbox';
import { createUsersClient, type UsersClient, type UsersClientOptions } from '../../src/index.js';
import { fakeTime, type FakeTime } from './fake-time.js';

export interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
  redirect: RequestRedirect;
  signal: AbortSignal;
}

/** A Response for this request, or undefined to let the sandbox answer it. `n` counts from 1. */
export type Answer = (request: SentRequest, n: number) => Response | Promise<Response> | undefined;

export interface InProcessSandbox {
  sb: Sandbox;
  /** The clock the sandbox reads, and the one client() gives the client. */
  time: FakeTime;
  /** Customer 0, tenant 0: the sandbox's default tenant. */
  tenant: { customerId: string; tenantId: string };
  /** The fetch to inject: records, runs the answers, then the sandbox. */
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Everything sent through `fetch`, oldest first. */
  sent: SentRequest[];
  /** Sent to the sandbox's API: its origin, every path but the token endpoint. */
  apiRequests(): SentRequest[];
  tokenRequests(): SentRequest[];
  /** The access tokens the sandbox issued through `fetch`, in order. */
  issuedTokens: string[];
  answer(answer: Answer): void;
  /** Most requests the sandbox was answering at once (from the call until its headers). */
  readonly maxInFlight: number;
  /** A client on this sandbox with its client secret, fake time and no jitter; `extra` overrides. */
  client(extra?: Partial<UsersClientOptions>): UsersClient;
}

export interface InProcessOptions extends Omit<SandboxOptions, 'listen' | 'port' | 'host'> {
  /** Default: a fresh fakeTime(), which also becomes the sandbox's `clock`. */
  time?: FakeTime;
}

const open: Sandbox[] = [];

/** Closes every sandbox started since the last call: `afterEach(closeSandboxes)`. */
export async function closeSandboxes(): Promise<void> {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
}

export async function startInProcessSandbox(options: InProcessOptions = {}): Promise<InProcessSandbox> {
  const { time = fakeTime(), ...sandboxOptions } = options;
  const sb = await startSandbox({ clock: time.now, ...sandboxOptions, listen: false });
  open.push(sb);
  const customer = sb.customers[0];
  const tenant = customer?.tenants[0];
  if (!customer || !tenant) throw new Error('the sandbox has no default tenant');
  const sent: SentRequest[] = [];
  const answers: Answer[] = [];
  const issuedTokens: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const seen: SentRequest = {
      url: new URL(request.url),
      method: request.method,
      headers: new Headers(request.headers),
      body: await request.clone().text(),
      redirect: request.redirect,
      signal: request.signal,
    };
    sent.push(seen);
    for (const answer of answers) {
      const answered = await answer(seen, sent.length);
      if (answered) return answered;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const response = await sb.fetch(request);
      if (seen.url.href === sb.tokenUrl && response.ok)
        issuedTokens.push(((await response.clone().json()) as { access_token: string }).access_token);
      return response;
    } finally {
      inFlight--;
    }
  };

  return {
    sb,
    time,
    tenant: { customerId: customer.customerId, tenantId: tenant.tenantId },
    fetch,
    sent,
    apiRequests: () => sent.filter((r) => r.url.origin === sb.baseUrl && r.url.href !== sb.tokenUrl),
    tokenRequests: () => sent.filter((r) => r.url.href === sb.tokenUrl),
    issuedTokens,
    answer(answer) {
      answers.push(answer);
    },
    get maxInFlight() {
      return maxInFlight;
    },
    client(extra = {}) {
      return createUsersClient({
        baseUrl: sb.baseUrl,
        tokenUrl: sb.tokenUrl,
        credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
        fetch,
        sleep: time.sleep,
        now: time.now,
        random: () => 0,
        ...extra,
      });
    },
  };
}

/** A JSON response, for `answer`. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
