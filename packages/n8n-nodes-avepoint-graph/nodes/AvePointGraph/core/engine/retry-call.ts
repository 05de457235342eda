// Generated from packages/core/src/engine/retry-call.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The one retry driver. Every retried request in the kit goes through it: a single call of core's
// client, each attempt of a listing's page (through the scheduler, which adds slots and pacing),
// a request of the n8n node. When and how long to wait is the protocol's decideRetry; the host
// passes the sleep, the clock and the randomness.
import { AvePointError, decideRetry, retryHintOf, type RetryHint, type RetryPolicy } from '../protocol/index.js';
import { abortReason } from './abort.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** What a host gives the engine to wait and to tell time: core its timers, n8n its sleep, tests fakes. */
export interface EngineClock {
  sleep: Sleep;
  now: () => number;
  /** A number in [0, 1), for the jitter. */
  random: () => number;
}

export interface RetryEvent {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  status?: number;
  error?: string;
  /** What was retried, e.g. "page 7" (for logs). */
  what?: string;
}

export interface RetryCallOptions extends EngineClock {
  policy: RetryPolicy;
  signal?: AbortSignal | undefined;
  what?: string | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Told of every failure that will be retried (the scheduler slows down on 429). */
  onRetryableFailure?: ((hint: RetryHint) => void) | undefined;
  /** Classifies a failure; the protocol's retryHintOf by default. */
  hintOf?: ((error: unknown) => RetryHint | undefined) | undefined;
  /** When anything last succeeded; the stall limit counts from here (default: the call's start). */
  lastProgressMs?: (() => number) | undefined;
  /** The backoff step for the next wait (see RetryInput.backoffStep); the retry count by default. */
  backoffStep?: ((retriesDone: number) => number) | undefined;
}

/** Runs `attempt` until it succeeds, the failure is final, or the policy says to give up. */
export async function retryCall<T>(attempt: (retriesDone: number) => Promise<T>, options: RetryCallOptions): Promise<T> {
  const { policy, signal, sleep, now, random } = options;
  const hintOf = options.hintOf ?? retryHintOf;
  const started = now();
  const lastProgress = options.lastProgressMs ?? (() => started);
  for (let retriesDone = 0; ; retriesDone++) {
    if (signal?.aborted) throw abortReason(signal);
    let failure: unknown;
    try {
      return await attempt(retriesDone);
    } catch (error) {
      failure = error;
    }
    // Decided outside the catch: what is thrown from here is the failure itself, as it came.
    if (signal?.aborted) throw abortReason(signal);
    const hint = hintOf(failure);
    const decision = decideRetry({
      retriesDone,
      hint,
      policy,
      nowMs: now(),
      lastProgressMs: Math.max(started, lastProgress()),
      random: random(),
      backoffStep: options.backoffStep?.(retriesDone),
    });
    if (!decision.retry) {
      if (failure instanceof AvePointError) failure.retryCount = retriesDone;
      throw failure;
    }
    options.onRetryableFailure?.(hint!);
    const event: RetryEvent = { retry: retriesDone + 1, delayMs: decision.delayMs };
    if (hint!.status !== undefined) event.status = hint!.status;
    else event.error = failure instanceof Error ? failure.message : String(failure);
    if (options.what !== undefined) event.what = options.what;
    options.onRetry?.(event);
    await sleep(decision.delayMs, signal);
  }
}
