// What createUsersClient accepts, and its checks: each wrong option is named before anything runs.
import { AvePointInputError, DEFAULT_RETRY_POLICY, type EnvironmentName, type RetryPolicy } from '../protocol/index.js';
import { describeValue } from '../protocol/guards.js';
import type { RetryEvent, Sleep } from '../engine/index.js';
import type { Credentials } from '../auth/credentials.js';
import type { FetchLike, Logger, Send } from '../transport/http.js';

export interface RetryOptions {
  /** Retries of one request after its first attempt (default 12). */
  maxRetries?: number | undefined;
  /** First backoff step when the server sends no Retry-After (default 100 ms, doubling, full jitter). */
  baseDelayMs?: number | undefined;
  /** Longest single wait; a longer Retry-After ends the retries (default 30 s). */
  maxDelayMs?: number | undefined;
  /** Give up when nothing has succeeded for this long (default 60 s). */
  stallLimitMs?: number | undefined;
}

/** A retry as reported to `onRetry` and the logger. */
export interface ClientRetryEvent extends RetryEvent {
  /** The request's URL, for retries of a single call (the typed client, tokens). */
  url?: string;
}

export interface UsersClientOptions {
  /** AvePoint environment (default commercial), or give baseUrl (+ tokenUrl) for a sandbox or proxy. */
  environment?: EnvironmentName | undefined;
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
  credentials: Credentials;
  /** OAuth scope (default elements.um.user.read.all). */
  scope?: string | undefined;
  /** `false` turns retries off (a host that retries on its own, such as Zapier). */
  retry?: RetryOptions | false | undefined;
  /** Per attempt, including the body (default 30 s; 0 turns it off). */
  timeoutMs?: number | undefined;
  /** Most bytes of one answer, counted decoded (default 4 MiB); more is INVALID_RESPONSE. */
  maxResponseBytes?: number | undefined;
  /** A fetch to send with (tests, a proxy agent); the global fetch by default. */
  fetch?: FetchLike | undefined;
  /** Or a whole transport: a prepared request in, `{ status, headers, body }` out (Zapier's z.request). */
  send?: Send | undefined;
  userAgent?: string | undefined;
  /** Hooks for tests and instrumentation: nothing else in the client reads a clock or sleeps. */
  sleep?: Sleep | undefined;
  now?: (() => number) | undefined;
  random?: (() => number) | undefined;
  logger?: Logger | undefined;
  onRetry?: ((event: ClientRetryEvent) => void) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function nonNegativeInteger(field: string, value: unknown, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new AvePointInputError(field, `must be an integer >= ${min}`, describeValue(value));
  }
  return value;
}

export function retryPolicyOf(retry: unknown): RetryPolicy {
  if (retry === false) return { ...DEFAULT_RETRY_POLICY, maxRetries: 0 };
  if (retry === undefined) return { ...DEFAULT_RETRY_POLICY };
  if (typeof retry !== 'object' || retry === null)
    throw new AvePointInputError('retry', 'must be false or { maxRetries, baseDelayMs, maxDelayMs, stallLimitMs }', describeValue(retry));
  const r = retry as Record<string, unknown>;
  return {
    maxRetries: nonNegativeInteger('retry.maxRetries', r.maxRetries, DEFAULT_RETRY_POLICY.maxRetries),
    baseDelayMs: nonNegativeInteger('retry.baseDelayMs', r.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: nonNegativeInteger('retry.maxDelayMs', r.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
    stallLimitMs: nonNegativeInteger('retry.stallLimitMs', r.stallLimitMs, DEFAULT_RETRY_POLICY.stallLimitMs),
  };
}

export function checkedTimeout(value: unknown): number {
  return nonNegativeInteger('timeoutMs', value, DEFAULT_TIMEOUT_MS);
}

export function checkedMaxResponseBytes(value: unknown, fallback: number): number {
  return nonNegativeInteger('maxResponseBytes', value, fallback, 1024);
}

export function checkedFunction<F>(field: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new AvePointInputError(field, 'must be a function', describeValue(value));
  return value as F;
}
