// Generated from packages/core/src/engine/scheduler.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Runs a listing's requests: at most `concurrency` in flight, the earliest page first, retries
// through retryCall, and a client that backs off when the service says 429.
//
// A request in backoff gives its slot up, so one page sleeping off a 503 does not stall the other
// seven, and it backs off by the failures in a row across all requests, so a healthy service's
// random failures cost short waits while a failing service gets the full exponential backoff. On 429 the scheduler halves its concurrency (once per second at most) and grows it back by
// one after each round of successes, never above the configured value. Halving alone cannot slow
// below one request per latency, and a rate limit can be lower than that, so it also paces the
// start of requests: after a second in which more than 5% of requests were throttled it starts
// them at 95% of the rate the service accepted in that second, then probes 5% faster each quiet
// second until it needs no pacing at all.
import type { RetryHint, RetryPolicy } from '../protocol/index.js';
import { abortReason } from './abort.js';
import { retryCall, type EngineClock, type RetryEvent } from './retry-call.js';

export interface SchedulerOptions extends EngineClock {
  concurrency: number;
  policy: RetryPolicy;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface SchedulerStats {
  /** Attempts started, retries included. */
  attempts: number;
  /** Attempts answered 429. */
  throttled: number;
  retries: number;
  inFlight: number;
  maxInFlight: number;
  /** The concurrency now (lowered after 429s). */
  concurrency: number;
  /** Requests per second the pacer allows now; Infinity when it does not pace. */
  pacedRate: number;
  /** Integral of requests in flight over time (ms): divided by the elapsed time, the mean in flight. */
  inFlightMs: number;
}

export interface RunOptions {
  signal: AbortSignal;
  /** Lower runs first when slots are scarce: a listing passes its page order. */
  priority: number;
  what?: string | undefined;
}

export interface Scheduler {
  run<T>(attempt: (signal: AbortSignal) => Promise<T>, options: RunOptions): Promise<T>;
  stats(): SchedulerStats;
}

const EPOCH_MS = 1000;
const THROTTLED_SHARE = 0.05;
const PACE_MARGIN = 0.95;
const PROBE_FACTOR = 1.05;
const MIN_RATE_PER_SECOND = 1;
const SUCCESS_LOG = 1024;

interface Waiter {
  priority: number;
  start: () => void;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { policy, sleep, now, random, onRetry } = options;
  const maxConcurrency = options.concurrency;
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) throw new RangeError('concurrency must be a positive integer');
  let limit = maxConcurrency;
  /** Slots taken (a request in flight, or about to start once the pacer lets it). */
  let active = 0;
  let flying = 0;
  const waiters: Waiter[] = [];
  let lastProgressMs = now();
  /** Failures in a row across every request: the service's health, not one page's luck. */
  let failuresInARow = 0;
  let lastDecreaseMs = Number.NEGATIVE_INFINITY;
  let successesSinceChange = 0;

  // Pacing: the gap between request starts (0: none), measured per epoch.
  let intervalMs = 0;
  let nextStartMs = 0;
  let epochStartMs = now();
  let epochSent = 0;
  let epochThrottled = 0;
  let epochAccepted = 0;

  // When the last successes happened, to know the accepted rate of the last second at a 429.
  const successTimes = new Float64Array(SUCCESS_LOG);
  let successCount = 0;
  const acceptedInLastSecond = (t: number): number => {
    let count = 0;
    for (let i = 1; i <= Math.min(successCount, SUCCESS_LOG); i++) {
      if (t - successTimes[(successCount - i) % SUCCESS_LOG]! >= EPOCH_MS) break;
      count++;
    }
    return count;
  };

  const stats = { attempts: 0, throttled: 0, retries: 0, maxInFlight: 0, inFlightMs: 0 };
  let inFlightSinceMs = now();
  const accountInFlight = () => {
    const t = now();
    stats.inFlightMs += flying * (t - inFlightSinceMs);
    inFlightSinceMs = t;
  };

  const rollEpoch = (t: number) => {
    const elapsed = t - epochStartMs;
    if (elapsed < EPOCH_MS) return;
    if (epochThrottled >= 2 && epochThrottled > epochSent * THROTTLED_SHARE) {
      const acceptedRate = (epochAccepted * 1000) / elapsed;
      const rate = Math.max(MIN_RATE_PER_SECOND, acceptedRate * PACE_MARGIN);
      intervalMs = Math.max(intervalMs, 1000 / rate);
    } else if (intervalMs > 0) {
      intervalMs /= PROBE_FACTOR;
      if (intervalMs < 1) intervalMs = 0;
    }
    epochStartMs = t;
    epochSent = 0;
    epochThrottled = 0;
    epochAccepted = 0;
  };

  const pump = () => {
    while (active < limit && waiters.length > 0) {
      active++;
      waiters.shift()!.start();
    }
  };

  const acquire = (priority: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (active < limit && waiters.length === 0) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = waiters.indexOf(waiter);
        if (at !== -1) waiters.splice(at, 1);
        reject(abortReason(signal));
      };
      const waiter: Waiter = {
        priority,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      // Sorted by priority, stable among equals: a retried early page goes before later pages.
      let at = waiters.length;
      while (at > 0 && waiters[at - 1]!.priority > priority) at--;
      waiters.splice(at, 0, waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };

  const release = () => {
    active--;
    pump();
  };

  const pace = async (signal: AbortSignal) => {
    if (intervalMs === 0) return;
    const t = now();
    const at = Math.max(t, nextStartMs);
    nextStartMs = at + intervalMs;
    if (at > t) await sleep(at - t, signal);
  };

  const onSuccess = () => {
    const t = now();
    lastProgressMs = t;
    failuresInARow = 0;
    successTimes[successCount++ % SUCCESS_LOG] = t;
    epochAccepted++;
    rollEpoch(t);
    if (limit < maxConcurrency && ++successesSinceChange >= limit) {
      limit++;
      successesSinceChange = 0;
      pump();
    }
  };

  const onFailure = (hint: RetryHint) => {
    failuresInARow++;
    if (!hint.throttled) return;
    const t = now();
    stats.throttled++;
    epochThrottled++;
    rollEpoch(t);
    if (t - lastDecreaseMs >= EPOCH_MS) {
      limit = Math.max(1, Math.floor(limit / 2));
      lastDecreaseMs = t;
      successesSinceChange = 0;
      // Pace at once to what the service accepted in the last second, rather than keep sending
      // at full speed until the second is over: the first 429s otherwise come by the dozen.
      const accepted = acceptedInLastSecond(t);
      if (accepted > 0) intervalMs = Math.max(intervalMs, 1000 / Math.max(MIN_RATE_PER_SECOND, accepted * PACE_MARGIN));
    }
  };

  return {
    async run(attempt, runOptions) {
      const { signal, priority } = runOptions;
      return retryCall(
        async () => {
          await acquire(priority, signal);
          let started = false;
          try {
            await pace(signal);
            accountInFlight();
            started = true;
            flying++;
            stats.attempts++;
            epochSent++;
            stats.maxInFlight = Math.max(stats.maxInFlight, flying);
            const result = await attempt(signal);
            onSuccess();
            return result;
          } finally {
            if (started) {
              accountInFlight();
              flying--;
            }
            release();
          }
        },
        {
          policy,
          sleep,
          now,
          random,
          signal,
          what: runOptions.what,
          lastProgressMs: () => lastProgressMs,
          // A page waits as long as its own retries say only while the service fails everything.
          // (Counted before this failure is: the first failure after a success waits one base step.)
          backoffStep: (retriesDone) => Math.min(retriesDone, failuresInARow),
          onRetryableFailure: onFailure,
          onRetry: (event) => {
            stats.retries++;
            onRetry?.(event);
          },
        },
      );
    },
    stats() {
      accountInFlight();
      return { ...stats, inFlight: flying, concurrency: limit, pacedRate: intervalMs === 0 ? Infinity : 1000 / intervalMs };
    },
  };
}
