// The retry decision as pure functions: what failed, how often, and since when in; a delay or a
// refusal out. Callers own the sleeping (core's timers, n8n's sleep, tests' fake clocks).
import { AvePointApiError, AvePointError } from './errors/avepoint-errors.js';

export interface RetryPolicy {
  /** Retries of one request after its first attempt. */
  maxRetries: number;
  /** First backoff step when the server gives no Retry-After; each retry doubles it. */
  baseDelayMs: number;
  /** Longest wait accepted; a Retry-After beyond it ends the retries rather than hammering early. */
  maxDelayMs: number;
  /**
   * Give up when nothing has succeeded for this long (for a listing: no page completed; for one
   * call: since it started), however many retries are left. A dead service ends an export after
   * this, while a flaky one (30% of requests failing) still finishes it.
   */
  stallLimitMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 12,
  baseDelayMs: 100,
  maxDelayMs: 30_000,
  stallLimitMs: 60_000,
});

/**
 * What a read may retry: 429 rate limit, 500 internal error, 502 bad gateway, 503 maintenance or
 * overload, 504 gateway timeout. The batch POST changes nothing on the server, so resending is safe.
 */
export const RETRYABLE_STATUSES: readonly number[] = Object.freeze([429, 500, 502, 503, 504]);

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

/** What a failure says about retrying it; undefined when it must not be retried. */
export interface RetryHint {
  /** The HTTP status, when the service answered. */
  status?: number | undefined;
  retryAfter?: string | undefined;
  /** 429: the service asks the client to slow down, not only to try again. */
  throttled: boolean;
}

/**
 * Only what a resend can cure: a retryable status, or a connection-level failure (NETWORK_ERROR,
 * TIMEOUT). Input, auth, decoding and programming errors, and anything not ours, are final.
 */
export function retryHintOf(error: unknown): RetryHint | undefined {
  if (error instanceof AvePointApiError) {
    if (error.code === 'INVALID_RESPONSE' || !isRetryableStatus(error.status)) return undefined;
    return { status: error.status, retryAfter: error.retryAfter, throttled: error.status === 429 };
  }
  if (error instanceof AvePointError && (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT')) return { throttled: false };
  return undefined;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export interface RetryInput {
  retriesDone: number;
  hint: RetryHint | undefined;
  policy: RetryPolicy;
  nowMs: number;
  /** When something last succeeded (or the call started): the stall limit counts from here. */
  lastProgressMs: number;
  /** A number in [0, 1): injected so the jitter is reproducible in tests. */
  random: number;
  /**
   * The step of the exponential backoff (default `retriesDone`). A listing passes fewer when its
   * other requests succeed meanwhile: one page's bad luck on a healthy service is no reason to wait
   * seconds, while a service failing everything backs off as fully as ever.
   */
  backoffStep?: number | undefined;
}

/** "Full jitter": anywhere up to the exponential step, so many clients retrying do not retry in step. */
export function backoffDelay(retriesDone: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retriesDone, 30));
  return Math.round(ceiling * Math.min(Math.max(random, 0), 1));
}

export function decideRetry(input: RetryInput): RetryDecision {
  const { retriesDone, hint, policy } = input;
  if (!hint) return { retry: false, reason: 'not retryable' };
  if (retriesDone >= policy.maxRetries) return { retry: false, reason: `gave up after ${retriesDone} retries` };
  const retryAfterMs = parseRetryAfter(hint.retryAfter, input.nowMs);
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
    return { retry: false, reason: `Retry-After asks for ${retryAfterMs} ms, more than the ${policy.maxDelayMs} ms allowed` };
  }
  const delayMs = retryAfterMs ?? backoffDelay(Math.min(retriesDone, input.backoffStep ?? retriesDone), policy, input.random);
  if (input.nowMs + delayMs - input.lastProgressMs > policy.stallLimitMs) {
    return { retry: false, reason: `no progress for ${policy.stallLimitMs} ms` };
  }
  return { retry: true, delayMs };
}
