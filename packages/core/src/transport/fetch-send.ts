// The bottom of the pipeline: one request through fetch (the global one, or an injected one), and
// the answer read in full but never past a bound. Counting happens on the decoded bytes as they
// arrive, so a huge or endless body and a decompression bomb end early with bounded memory.
import { DEFAULT_MAX_RESPONSE_BYTES, ERROR_BODY_READ_BYTES, responseTooLarge, transportErrorOf } from '../protocol/index.js';
import { bodySize, type FetchLike, type PreparedRequest, type RawResponse, type Send } from './http.js';

function initOf(request: PreparedRequest): RequestInit {
  const init: RequestInit = { method: request.method, headers: request.headers, redirect: request.redirect };
  if (request.body !== undefined) init.body = request.body;
  if (request.signal !== undefined) init.signal = request.signal;
  return init;
}

/** The body's bytes, at most `limit` decoded bytes; past that, a success fails and an error is cut. */
async function readBody(response: Response, url: string, limit: number): Promise<Uint8Array> {
  const ok = response.status >= 200 && response.status < 300;
  const cap = ok ? limit : Math.min(limit, ERROR_BODY_READ_BYTES);
  const declared = Number(response.headers.get('content-length'));
  // Declared too big (and not compressed, so the declaration counts the decoded bytes): no need to read.
  if (ok && declared > cap && !response.headers.has('content-encoding')) {
    await response.body?.cancel().catch(() => undefined);
    throw responseTooLarge(url, response.status, cap, `content-length ${declared}`);
  }
  if (!response.body) return new Uint8Array(0);
  // Declared, within the bound and not compressed: the framing already bounds it, read it whole.
  if (declared > 0 && declared <= cap && !response.headers.has('content-encoding')) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > cap) {
      await reader.cancel().catch(() => undefined);
      if (ok) throw responseTooLarge(url, response.status, cap, `more than ${size + value.byteLength} bytes arrived`);
      chunks.push(value.subarray(0, cap - size));
      size = cap;
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * Sends through an injected fetch (one Request built here) or the global fetch (given the URL and
 * init, as a hand-written call would). Failures below HTTP become NETWORK_ERROR (retryable) or
 * INVALID_RESPONSE (final); anything else, a caller's abort included, goes up unchanged.
 */
export { DEFAULT_MAX_RESPONSE_BYTES };

export function fetchSend(fetchImpl: FetchLike | undefined, maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES): Send {
  const call = fetchImpl
    ? (request: PreparedRequest) => fetchImpl(new Request(request.url, initOf(request)))
    : (request: PreparedRequest) => fetch(request.url, initOf(request));
  return async (request): Promise<RawResponse> => {
    let status: number | undefined;
    try {
      const response = await call(request);
      status = response.status;
      return { status: response.status, headers: response.headers, body: await readBody(response, request.url, maxResponseBytes) };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      throw transportErrorOf(error, request.url, status) ?? error;
    }
  };
}

/** A host's own send (Zapier's z.request, a test double) held to the same bound. */
export function boundedSend(send: Send, maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES): Send {
  return async (request) => {
    const response = await send(request);
    const ok = response.status >= 200 && response.status < 300;
    // Characters, not bytes: the host already holds the text; this only refuses to parse a huge one.
    if (ok && bodySize(response) > maxResponseBytes)
      throw responseTooLarge(request.url, response.status, maxResponseBytes, `${bodySize(response)} characters`);
    return response;
  };
}
