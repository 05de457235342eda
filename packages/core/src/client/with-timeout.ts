// A deadline per attempt, covering the body as well as the headers: a server that sends headers
// and then stalls (slow body) is cut off too, and the retry layer can try again.
import { bufferResponse } from './buffered-response.js';
import type { FetchMiddleware } from './fetch-types.js';
import { timeoutError } from './transport-error.js';

export function withTimeout(timeoutMs: number): FetchMiddleware {
  return (next) => async (request) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(timeoutError(request.url, timeoutMs)), timeoutMs);
    const signal = AbortSignal.any([request.signal, deadline.signal]);
    try {
      return await bufferResponse(await next(new Request(request, { signal })));
    } catch (error) {
      // The caller's own abort wins over our deadline; otherwise say it was the deadline.
      if (deadline.signal.aborted && !request.signal.aborted) throw deadline.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}
