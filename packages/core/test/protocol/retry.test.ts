import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../src/protocol/index.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const policy = DEFAULT_RETRY_POLICY;

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  it('retries 429, 503, 504 and network errors; not 400, 401, 403, 404, 500', () => {
    for (const status of [429, 503, 504]) expect(decideRetry({ retriesDone: 0, status, policy, nowMs: now, random: 0.5 }).retry).toBe(true);
    for (const status of [400, 401, 403, 404, 500]) expect(decideRetry({ retriesDone: 0, status, policy, nowMs: now, random: 0.5 }).retry).toBe(false);
    expect(decideRetry({ retriesDone: 0, networkError: true, policy, nowMs: now, random: 0 }).retry).toBe(true);
  });

  it('honours Retry-After, and gives up when it exceeds maxDelayMs', () => {
    expect(decideRetry({ retriesDone: 0, status: 429, retryAfter: '3', policy, nowMs: now, random: 0.9 })).toEqual({ retry: true, delayMs: 3000 });
    expect(decideRetry({ retriesDone: 0, status: 429, retryAfter: '3600', policy, nowMs: now, random: 0.9 }).retry).toBe(false);
  });

  it('backs off exponentially with jitter, capped, and stops after maxRetries', () => {
    fc.assert(fc.property(fc.nat(10), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retriesDone, random) => {
      const d = decideRetry({ retriesDone, status: 503, policy, nowMs: now, random });
      if (retriesDone >= policy.maxRetries) {
        expect(d.retry).toBe(false);
        return;
      }
      if (!d.retry) throw new Error('expected a retry');
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
      expect(d.delayMs).toBeGreaterThanOrEqual(step / 2 - 1);
      expect(d.delayMs).toBeLessThanOrEqual(step);
    }));
  });
});
