// The pipeline's currency: a request as plain data, a response whose body has been read (within a
// bound), and the layers (octokit-plugin style) that wrap a send. Plain objects, not WHATWG
// Request/Response: in Node 20 each of those costs tens of microseconds and re-wraps streams, more
// than the whole client may add to a call; and a host such as Zapier's z.request can be a send.
import type { HeaderSource } from '../protocol/index.js';

/** A request on its way through the layers. Treat as immutable: copy, then change. */
export interface PreparedRequest {
  url: string;
  method: string;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  /** The whole body, so every retry re-sends exactly this (JSON and forms travel as strings). */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
}

/** An answer with its body read in full (and bounded by the transport). */
export interface RawResponse {
  status: number;
  headers: HeaderSource;
  /**
   * The body: text, or the bytes of UTF-8 text. The fetch transport keeps bytes, which live outside
   * the JavaScript heap: pages waiting in a listing's reorder window cost the collector nothing.
   */
  body: string | Uint8Array;
}

const utf8 = new TextDecoder();

/** The body as text, decoded on demand. */
export function bodyText(response: Pick<RawResponse, 'body'>): string {
  return typeof response.body === 'string' ? response.body : utf8.decode(response.body);
}

/** The body's size: characters of text, or bytes. */
export const bodySize = (response: Pick<RawResponse, 'body'>): number =>
  typeof response.body === 'string' ? response.body.length : response.body.byteLength;

/** Sends a prepared request and reads the whole answer. */
export type Send = (request: PreparedRequest) => Promise<RawResponse>;

/** One composable piece of the pipeline: gets the next step, returns a step with one behaviour more. */
export type SendMiddleware = (next: Send) => Send;

/** The standard fetch signature, which an injected transport (tests, a proxy agent) provides. */
export type FetchLike = (request: Request) => Promise<Response>;

/** The first middleware is the outermost: `compose(send, a, b)` goes through a, then b, then send. */
export function compose(send: Send, ...layers: SendMiddleware[]): Send {
  return layers.reduceRight<Send>((next, layer) => layer(next), send);
}

export function withHeader(request: PreparedRequest, name: string, value: string | undefined): PreparedRequest {
  const headers: Record<string, string> = { ...request.headers };
  const key = name.toLowerCase();
  if (value === undefined) delete headers[key];
  else headers[key] = value;
  return { ...request, headers };
}

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}
