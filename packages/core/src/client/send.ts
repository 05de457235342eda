// The pipeline's currency. Layers pass a request as plain data and copy what they change: in
// Node 20 every `new Request()` costs tens of microseconds and re-wraps the body stream and the
// abort signal, which would cost more than the whole client is allowed to add to a call.

/** A request on its way through the layers. Treat as immutable: copy, then change. */
export interface PreparedRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The whole body, so every retry re-sends exactly this (JSON and forms travel as strings). */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
}

/** Sends a prepared request; the response it resolves to has its body fully read already. */
export type Send = (request: PreparedRequest) => Promise<Response>;

/**
 * One composable piece of the pipeline (octokit-plugin style): it gets the next step and returns
 * a step that adds one behaviour (retry, auth, timeout, user agent).
 */
export type SendMiddleware = (next: Send) => Send;

/** The standard fetch signature, which an injected transport (tests, Zapier's z.request) provides. */
export type FetchLike = (request: Request) => Promise<Response>;

/** The first middleware is the outermost: `compose(send, a, b)` goes through a, then b, then send. */
export function compose(send: Send, ...layers: SendMiddleware[]): Send {
  return layers.reduceRight<Send>((next, layer) => layer(next), send);
}

export function withHeader(request: PreparedRequest, name: string, value: string | undefined): PreparedRequest {
  const headers = new Headers(request.headers);
  if (value === undefined) headers.delete(name);
  else headers.set(name, value);
  return { ...request, headers };
}

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}
