// A deadline per attempt. The transport below reads the whole body, so the deadline covers a
// server that sends headers and then stalls (slow body) too, and the retry layer can try again.
import { AvePointError } from '../protocol/index.js';
import type { SendMiddleware } from './http.js';

export function timeoutError(url: string, timeoutMs: number): AvePointError {
  return new AvePointError('TIMEOUT', `No complete answer from ${new URL(url).origin} within ${timeoutMs} ms`);
}

export function withTimeout(timeoutMs: number): SendMiddleware {
  return (next) => async (request) => {
    const deadline = new AbortController();
    const outer = request.signal;
    // Forwarding by hand rather than AbortSignal.any: cheaper, and nothing lingers on the caller's signal.
    const forward = () => deadline.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort(timeoutError(request.url, timeoutMs));
    }, timeoutMs);
    try {
      return await next({ ...request, signal: deadline.signal });
    } catch (error) {
      if (timedOut && !outer?.aborted) throw deadline.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  };
}
