// The typed openapi-fetch client exposed as `client.api`, running over the same pipeline as the
// client's own calls (retrying, authenticated). openapi-fetch speaks fetch, so this file adapts:
// its requests become PreparedRequests, the pipeline's answers become Responses anyone can read.
import createClientImport, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { bodySize, type PreparedRequest, type Send } from '../transport/http.js';

export type UsersApi = Client<paths, 'application/json'>;

// openapi-fetch ships CommonJS with `exports.default`; our CommonJS build's interop hands over the
// whole exports object as the default import. Take the function from whichever shape arrived.
type CreateClient = typeof createClientImport;
const createClient: CreateClient =
  typeof createClientImport === 'function' ? createClientImport : (createClientImport as unknown as { default: CreateClient }).default;

/**
 * What openapi-fetch builds each request as (its `Request` option), in place of a WHATWG Request,
 * which costs tens of microseconds in Node 20 only to be read back into the pipeline's plain form.
 * Middleware added with `client.api.use()` therefore sees a PlainRequest: url, method, headers (a
 * real Headers), body, signal and redirect, which is what middleware reads and sets.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? 'follow';
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function prepare(request: Request | PlainRequest): Promise<PreparedRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let body: PreparedRequest['body'];
  if (request instanceof PlainRequest) {
    // openapi-fetch serializes JSON bodies to a string; anything else goes through a Request once.
    body =
      request.body === null
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : new Uint8Array(await new Request(request.url, { method: request.method, body: request.body }).arrayBuffer());
  } else {
    body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  }
  return { url: request.url, method: request.method, headers, body, signal: request.signal ?? undefined, redirect: request.redirect };
}

export function createUsersApi(send: Send, baseUrl: string): UsersApi {
  const fetchThroughPipeline = async (request: Request | PlainRequest): Promise<Response> => {
    const answer = await send(await prepare(request));
    const headers = new Headers();
    if (typeof (answer.headers as Headers).forEach === 'function' && typeof (answer.headers as Headers).get === 'function') {
      (answer.headers as Headers).forEach((value, name) => headers.append(name, value));
    } else {
      for (const [name, value] of Object.entries(answer.headers as Record<string, string | string[] | undefined>)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
      }
    }
    const empty = NULL_BODY_STATUSES.has(answer.status) || bodySize(answer) === 0;
    return new Response(empty ? null : (answer.body as BodyInit), { status: answer.status, headers });
  };
  return createClient<paths>({
    baseUrl,
    fetch: fetchThroughPipeline as unknown as (input: Request) => Promise<Response>,
    Request: PlainRequest as unknown as typeof Request,
  });
}
