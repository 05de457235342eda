// The bottom of the pipeline, and the adapter at its top.
import { bufferResponse, readableResponse } from './buffered-response.js';
import { PlainRequest } from './plain-request.js';
import type { FetchLike, PreparedRequest, Send } from './send.js';

function initOf(request: PreparedRequest): RequestInit {
  const init: RequestInit = { method: request.method, headers: request.headers, redirect: request.redirect };
  if (request.body !== undefined) init.body = request.body;
  if (request.signal !== undefined) init.signal = request.signal;
  return init;
}

/**
 * Sends through an injected fetch (one Request built here) or the global fetch (given the URL and
 * init, exactly as a hand-written call would), then reads the whole body.
 */
export function fetchTransport(fetchImpl: FetchLike | undefined): Send {
  if (fetchImpl) return async (request) => bufferResponse(await fetchImpl(new Request(request.url, initOf(request))));
  return async (request) => bufferResponse(await fetch(request.url, initOf(request)));
}

/** openapi-fetch hands over a PlainRequest (or a Request): turn it into the pipeline's form. */
export async function prepare(request: Request | PlainRequest): Promise<PreparedRequest> {
  if (request instanceof PlainRequest) {
    const { body } = request;
    return {
      url: request.url,
      method: request.method,
      headers: request.headers,
      // openapi-fetch serializes JSON bodies to a string; anything else goes through a Request.
      body:
        body === null ? undefined
        : typeof body === 'string' ? body
        : new Uint8Array(await new Request(request.url, { method: request.method, body }).arrayBuffer()),
      signal: request.signal,
      redirect: request.redirect,
    };
  }
  return {
    url: request.url,
    method: request.method,
    headers: new Headers(request.headers),
    body: request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()),
    signal: request.signal,
    redirect: request.redirect,
  };
}

/**
 * A pipeline as the `fetch` openapi-fetch calls. `readable: false` is for the client's own page
 * calls, which take the kept text; everyone else gets a response whose body can be read.
 */
export function asFetch(send: Send, options: { readable?: boolean } = {}): (request: Request | PlainRequest) => Promise<Response> {
  if (options.readable === false) return async (request) => send(await prepare(request));
  return async (request) => readableResponse(await send(await prepare(request)));
}
