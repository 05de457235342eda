// A token bucket on the sandbox's clock: `capacity` requests at once, refilled continuously.
import type { RateLimit } from './types.js';

export function checkRateLimit(limit: RateLimit): void {
  if (!(limit.capacity >= 1) || !Number.isFinite(limit.capacity)) throw new RangeError('rateLimit.capacity must be a number >= 1');
  if (!(limit.refillPerSecond > 0) || !Number.isFinite(limit.refillPerSecond))
    throw new RangeError('rateLimit.refillPerSecond must be a number > 0');
  if (limit.retryAfterSeconds !== undefined && !(Number.isInteger(limit.retryAfterSeconds) && limit.retryAfterSeconds >= 0)) {
    throw new RangeError('rateLimit.retryAfterSeconds must be an integer >= 0');
  }
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly limit: RateLimit,
    now: number,
  ) {
    checkRateLimit(limit);
    this.tokens = limit.capacity;
    this.updatedAt = now;
  }

  /** Takes a token; when none is left, returns the seconds to announce in `Retry-After`. */
  take(now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.capacity, this.tokens + elapsed * this.limit.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const wait = this.limit.retryAfterSeconds ?? Math.max(1, Math.ceil((1 - this.tokens) / this.limit.refillPerSecond));
    return { allowed: false, retryAfterSeconds: wait };
  }
}
