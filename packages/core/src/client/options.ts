// What createUsersClient accepts.
import type { EnvironmentName } from '../protocol/index.js';
import type { Credentials } from '../auth/credentials.js';
import type { FetchLike, Logger } from './send.js';
import type { RetryEvent } from './with-retry.js';
import type { Sleep } from './sleep.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  maxRetries?: number | undefined;
  /** First backoff step when the server sends no Retry-After (default 500 ms). */
  baseDelayMs?: number | undefined;
  /** Longest single wait; a longer Retry-After ends the retries (default 30 s). */
  maxDelayMs?: number | undefined;
}

export interface UsersClientOptions {
  /** AvePoint environment (default commercial), or give baseUrl (+ tokenUrl) for a sandbox or proxy. */
  environment?: EnvironmentName | undefined;
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
  credentials: Credentials;
  /** OAuth scope (default elements.um.user.read.all). */
  scope?: string | undefined;
  /** `false` turns retries off. */
  retry?: RetryOptions | false | undefined;
  /** Per attempt, including the body (default 30 s; 0 turns it off). */
  timeoutMs?: number | undefined;
  fetch?: FetchLike | undefined;
  userAgent?: string | undefined;
  /** Hooks for tests and instrumentation: nothing else in the client reads a clock or sleeps. */
  sleep?: Sleep | undefined;
  now?: (() => number) | undefined;
  random?: (() => number) | undefined;
  logger?: Logger | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}
