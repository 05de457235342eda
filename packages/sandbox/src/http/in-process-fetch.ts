// fetch without a socket: each call becomes a request and a response the sandbox's own handler
// serves (exchange.ts), so routing, tokens, the recorder, stats, faults, rate limits, churn and
// latency are the HTTP server's, and a fast test pays no port, no connection and no parsing.
// The failures look like undici's (fetch-failures.ts); the request carries the headers undici adds.
import type { SandboxRequest, SandboxResponse } from './exchange.js';
import { connectionRefused, hostNotFound } from './fetch-failures.js';
import { InProcessResponse } from './in-process-response.js';

/**
 * The origin of a sandbox started with `listen: false`. https, so a client that refuses plain
 * http off loopback (core does: it sends secrets there) takes it; `.invalid` never resolves
 * (RFC 6761), so a request that escapes to a real fetch fails instead of reaching a host.
 */
export const IN_PROCESS_ORIGIN = 'https://sandbox.invalid';

/** The global fetch's shape: what clients take as an injected `fetch`. */
export type SandboxFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface InProcessServer {
  /** The one origin served; any other host does not resolve. */
  origin: string;
  /** The handler the HTTP server runs, with its errors already handled. */
  serve(req: SandboxRequest, res: SandboxResponse): Promise<void>;
  isClosed(): boolean;
}

export interface InProcessFetch {
  fetch: SandboxFetch;
  /** Cuts every response under way, as closing the server's connections does. */
  closeAll(): void;
}

// What undici sends on every request unless the caller set it (Node 20): the sandbox records the
// user agent, and should see `node` where a plain fetch sends no user agent of its own.
const UNDICI_DEFAULT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];

function requestOf(request: Request, url: URL, body: Buffer | undefined, res: SandboxResponse): SandboxRequest {
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  for (const [name, value] of UNDICI_DEFAULT_HEADERS) headers[name] ??= value;
  if (body !== undefined) headers['content-length'] = String(body.length);
  else if (request.method === 'POST' || request.method === 'PUT') headers['content-length'] = '0';
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    headers,
    // A socket's destroy() ends its response too: that is how a reset looks from the client.
    socket: { destroy: () => void res.destroy() },
    async *[Symbol.asyncIterator]() {
      if (body !== undefined && body.length > 0) yield body;
    },
  };
}

export function createInProcessFetch(server: InProcessServer): InProcessFetch {
  const open = new Set<InProcessResponse>();
  const fetch: SandboxFetch = async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    if (url.origin !== server.origin) throw hostNotFound(url.hostname);
    if (server.isClosed()) throw connectionRefused(url);
    // Read whole, as the handler does anyway (at most 1 MiB, then 413): it gives content-length.
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const res = new InProcessResponse({ url: request.url, method: request.method, signal: request.signal });
    open.add(res);
    res.once('close', () => open.delete(res));
    void server.serve(requestOf(request, url, body, res), res);
    return res.response;
  };
  return {
    fetch,
    closeAll() {
      for (const res of open) res.destroy();
    },
  };
}
