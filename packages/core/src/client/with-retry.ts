// Retries 429, 503, 504 and transport failures. When and how long to wait is the protocol's
// decideRetry; this layer only sleeps (injectable) and re-sends the same request, bytes and all.
import { decideRetry, type RetryPolicy } from '../protocol/index.js';
import { recordRetries } from './retry-count.js';
import type { SendMiddleware } from './send.js';
import { abortReason, type Sleep } from './sleep.js';
import { isTransportError, toTransportError } from './transport-error.js';

export interface RetryEvent {
  url: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  status?: number;
  error?: string;
}

export interface RetryLayerOptions {
  policy: RetryPolicy;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export function withRetry(options: RetryLayerOptions): SendMiddleware {
  const { policy, sleep, now, random, onRetry } = options;
  return (next) => async (request) => {
    const { signal } = request;
    for (let retriesDone = 0; ; retriesDone++) {
      if (signal?.aborted) throw abortReason(signal);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await next(request);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (!isTransportError(error)) throw error;
        failure = error;
      }
      const decision = decideRetry({
        retriesDone,
        status: response?.status,
        retryAfter: response?.headers.get('retry-after'),
        networkError: failure !== undefined,
        policy,
        nowMs: now(),
        random: random(),
      });
      if (!decision.retry) {
        if (response) {
          recordRetries(response, retriesDone);
          return response;
        }
        const error = toTransportError(failure, request.url, retriesDone);
        recordRetries(error, retriesDone);
        throw error;
      }
      const event: RetryEvent = { url: request.url, retry: retriesDone + 1, delayMs: decision.delayMs };
      if (response) event.status = response.status;
      else event.error = toTransportError(failure, request.url, retriesDone).message;
      onRetry?.(event);
      await sleep(decision.delayMs, signal);
    }
  };
}
