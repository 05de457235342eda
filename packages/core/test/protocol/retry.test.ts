import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AvePointApiError,
  AvePointError,
  AvePointInputError,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  retryHintOf,
  type RetryHint,
} from '../../src/protocol/index.js';
import { backoffDelay, parseRetryAfter } from '../../src/protocol/retry.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const policy = DEFAULT_RETRY_POLICY;
const answered = (status: number, retryAfter?: string): RetryHint | undefined =>
  retryHintOf(new AvePointApiError('HTTP_ERROR', 'x', { status, retryAfter }));
const decide = (hint: RetryHint | undefined, o: { retriesDone?: number; random?: number; lastProgressMs?: number; nowMs?: number } = {}) =>
  decideRetry({
    retriesDone: o.retriesDone ?? 0,
    hint,
    policy,
    nowMs: o.nowMs ?? now,
    lastProgressMs: o.lastProgressMs ?? now,
    random: o.random ?? 0.5,
  });

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

describe('retryHintOf', () => {
  it('retries what a read may: 429, 500, 502, 503, 504, connection failures and timeouts', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(answered(status)).toMatchObject({ status, throttled: status === 429 });
    expect(retryHintOf(new AvePointError('NETWORK_ERROR', 'reset'))).toEqual({ throttled: false });
    expect(retryHintOf(new AvePointError('TIMEOUT', 'slow'))).toEqual({ throttled: false });
  });
  it('never retries input, auth, client errors, undecodable bodies or errors that are not ours', () => {
    for (const status of [400, 401, 403, 404, 405, 418]) expect(answered(status)).toBeUndefined();
    expect(retryHintOf(new AvePointApiError('INVALID_RESPONSE', 'too big', { status: 200 }))).toBeUndefined();
    expect(retryHintOf(new AvePointApiError('INVALID_RESPONSE', 'corrupt gzip', { status: 503 }))).toBeUndefined();
    expect(retryHintOf(new AvePointInputError('signal', 'must be an AbortSignal'))).toBeUndefined();
    expect(retryHintOf(new TypeError('signal.addEventListener is not a function'))).toBeUndefined();
    expect(retryHintOf('boom')).toBeUndefined();
  });
  it('carries Retry-After', () => {
    expect(answered(503, '7')).toEqual({ status: 503, retryAfter: '7', throttled: false });
  });
});

describe('decideRetry', () => {
  it('honours Retry-After, and gives up when it exceeds maxDelayMs', () => {
    expect(decide(answered(429, '3'))).toEqual({ retry: true, delayMs: 3000 });
    expect(decide(answered(429, '3600')).retry).toBe(false);
  });

  it('backs off exponentially with full jitter, capped, and stops after maxRetries', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retriesDone, random) => {
        const d = decide(answered(503), { retriesDone, random });
        if (retriesDone >= policy.maxRetries) {
          expect(d.retry).toBe(false);
          return;
        }
        if (!d.retry) throw new Error('expected a retry');
        const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
        expect(d.delayMs).toBe(backoffDelay(retriesDone, policy, random));
        expect(d.delayMs).toBeGreaterThanOrEqual(0);
        expect(d.delayMs).toBeLessThanOrEqual(step);
      }),
    );
  });

  it('gives up when nothing has succeeded for the stall limit, whatever retries are left', () => {
    expect(decide(answered(503), { lastProgressMs: now - policy.stallLimitMs + 1000, random: 0 }).retry).toBe(true);
    expect(decide(answered(503), { lastProgressMs: now - policy.stallLimitMs - 1, random: 0 })).toEqual({
      retry: false,
      reason: `no progress for ${policy.stallLimitMs} ms`,
    });
    // A wait that would end past the limit is not started.
    expect(decide(answered(503, '10'), { lastProgressMs: now - policy.stallLimitMs + 5000 }).retry).toBe(false);
  });

  it('a default policy finishes 1,000 pages under 30% random faults (the per-page cap is high enough)', () => {
    // P(one page fails every attempt) = 0.3^(maxRetries + 1); for 1,000 pages, the chance any does.
    const pageLoss = 0.3 ** (policy.maxRetries + 1);
    expect(1 - (1 - pageLoss) ** 1000).toBeLessThan(0.001);
  });
});
