// Generated from packages/core/src/protocol/retry.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The retry decision as a pure function: status, headers and attempt in; a delay or a refusal out.
// The caller owns the sleeping, so tests and n8n (with its own `sleep`) decide how to wait.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step when the server gives no Retry-After. */
  baseDelayMs: number;
  /** Longest wait accepted; a Retry-After beyond it ends the retries rather than hammering early. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({ maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 });

/** 429 rate limit, 503 maintenance/overload, 504 gateway timeout. The POST is a read, so resending is safe. */
export const RETRYABLE_STATUSES: readonly number[] = Object.freeze([429, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.includes(status);

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export interface RetryInput {
  retriesDone: number;
  status?: number | undefined;
  retryAfter?: string | null | undefined;
  networkError?: boolean | undefined;
  policy: RetryPolicy;
  nowMs: number;
  /** A number in [0, 1): injected so the jitter is reproducible in tests. */
  random: number;
}

export function backoffDelay(retriesDone: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
  // "Equal jitter": at least half the step, so concurrent clients spread out but never retry at once.
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

export function decideRetry(input: RetryInput): RetryDecision {
  const { retriesDone, status, policy } = input;
  const retryable = input.networkError === true || (status !== undefined && isRetryableStatus(status));
  if (!retryable) return { retry: false, reason: status === undefined ? 'not retryable' : `status ${status} is not retryable` };
  if (retriesDone >= policy.maxRetries) return { retry: false, reason: `gave up after ${retriesDone} retries` };
  const retryAfterMs = parseRetryAfter(input.retryAfter, input.nowMs);
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxDelayMs) {
      return { retry: false, reason: `Retry-After asks for ${retryAfterMs} ms, more than the ${policy.maxDelayMs} ms allowed` };
    }
    return { retry: true, delayMs: retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(retriesDone, policy, input.random) };
}
