// Retries a single call (the typed client.api, token requests) through the engine's one retry
// driver: a retryable status is resent like a failed connection, and when the retries are spent
// the last answer goes up as it came, for the caller to classify.
import { retryHintOf, type RetryHint, type RetryPolicy } from '../protocol/index.js';
import { headerValue } from '../protocol/errors/from-response.js';
import { isRetryableStatus } from '../protocol/retry.js';
import { retryCall, type EngineClock, type RetryEvent } from '../engine/index.js';
import type { RawResponse, SendMiddleware } from './http.js';

export interface RetryLayerOptions extends EngineClock {
  policy: RetryPolicy;
  onRetry?: ((event: RetryEvent & { url: string }) => void) | undefined;
}

/** A retryable answer, thrown inside the retry loop only. */
class RetryableAnswer {
  constructor(readonly response: RawResponse) {}
}

const hintOf = (failure: unknown): RetryHint | undefined =>
  failure instanceof RetryableAnswer
    ? {
        status: failure.response.status,
        retryAfter: headerValue(failure.response.headers, 'retry-after'),
        throttled: failure.response.status === 429,
      }
    : retryHintOf(failure);

export function withRetry(options: RetryLayerOptions): SendMiddleware {
  const { onRetry } = options;
  return (next) => async (request) => {
    try {
      return await retryCall(
        async () => {
          const response = await next(request);
          if (isRetryableStatus(response.status)) throw new RetryableAnswer(response);
          return response;
        },
        { ...options, signal: request.signal, hintOf, onRetry: onRetry && ((event) => onRetry({ ...event, url: request.url })) },
      );
    } catch (failure) {
      if (failure instanceof RetryableAnswer) return failure.response;
      throw failure;
    }
  };
}
