// The scheduler: slots, priority, retries without holding a slot, and backing off a rate limit.
// Time is simulated (a clock that moves when slept on); nothing here waits for real.
import { describe, expect, it } from 'vitest';
import { AvePointApiError, DEFAULT_RETRY_POLICY } from '../../src/protocol/index.js';
import { createScheduler } from '../../src/engine/index.js';
import { fakeClock } from './model-tenant.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('scheduler', () => {
  it('never runs more than `concurrency` attempts, and starts the lowest priority first', async () => {
    const clock = fakeClock();
    const s = createScheduler({ ...clock, concurrency: 2, policy: DEFAULT_RETRY_POLICY });
    const signal = new AbortController().signal;
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const job = (n: number) =>
      s.run(
        async () => {
          started.push(n);
          most = Math.max(most, ++running);
          await tick();
          running--;
          return n;
        },
        { signal, priority: n },
      );
    const results = await Promise.all([5, 1, 4, 2, 3].map(job));
    expect(results).toEqual([5, 1, 4, 2, 3]);
    expect(most).toBe(2);
    // 5 and 1 take the free slots at once; then the queue goes in priority order.
    expect(started).toEqual([5, 1, 2, 3, 4]);
  });

  it('gives up after the stall limit of simulated time when nothing succeeds', async () => {
    const clock = fakeClock();
    const s = createScheduler({ ...clock, concurrency: 1, policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 1000 } });
    let attempts = 0;
    const error = await s
      .run(
        async () => {
          attempts++;
          throw new AvePointApiError('UNAVAILABLE', 'down', { status: 503 });
        },
        { signal: new AbortController().signal, priority: 1 },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(clock.nowMs() - 1_000_000).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.stallLimitMs);
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(1000);
  });

  it('halves its concurrency on 429 and grows back one at a time, never above the configured value', async () => {
    const clock = fakeClock();
    const s = createScheduler({ ...clock, concurrency: 8, policy: DEFAULT_RETRY_POLICY });
    const signal = new AbortController().signal;
    let throttleNext = true;
    await s.run(
      async () => {
        if (throttleNext) {
          throttleNext = false;
          throw new AvePointApiError('RATE_LIMITED', 'slow down', { status: 429, retryAfter: '1' });
        }
      },
      { signal, priority: 1 },
    );
    expect(s.stats().concurrency).toBe(4);
    const seen: number[] = [];
    for (let i = 0; i < 40; i++) {
      await s.run(async () => undefined, { signal, priority: 1 });
      seen.push(s.stats().concurrency);
    }
    expect(seen.at(-1)).toBe(8);
    expect(Math.max(...seen)).toBe(8);
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('behind a token bucket, paces itself near the accepted rate with few 429s (simulated time)', async () => {
    // R requests/s, bursts of R, 20 ms per request, Retry-After rounded up to whole seconds.
    const R = 20;
    const clock = fakeClock();
    let tokens = R;
    let updated = clock.nowMs();
    const take = () => {
      const now = clock.nowMs();
      tokens = Math.min(R, tokens + ((now - updated) / 1000) * R);
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    };
    const s = createScheduler({ ...clock, concurrency: 8, policy: DEFAULT_RETRY_POLICY });
    let accepted = 0;
    let refused = 0;
    const request = async () => {
      // The request takes 20 ms of simulated time.
      await clock.sleep(20);
      if (take()) {
        accepted++;
        return;
      }
      refused++;
      throw new AvePointApiError('RATE_LIMITED', 'slow down', {
        status: 429,
        retryAfter: String(Math.max(1, Math.ceil((1 - tokens) / R))),
      });
    };
    const started = clock.nowMs();
    await Promise.all(Array.from({ length: 600 }, (_, i) => s.run(request, { signal: new AbortController().signal, priority: i })));
    const seconds = (clock.nowMs() - started) / 1000;
    expect(accepted).toBe(600);
    // Simulated time is shared by every sleeper, so this rate is an upper-bound estimate; the
    // benchmark measures the real one. What this pins down is the share of refusals.
    expect(refused / (accepted + refused)).toBeLessThan(0.05);
    expect(seconds).toBeGreaterThan(0);
    expect(s.stats().throttled).toBe(refused);
  });

  it("backs off by the service's failures in a row, not one request's: short waits while others succeed", async () => {
    const clock = fakeClock();
    const s = createScheduler({ ...clock, random: () => 0.999, concurrency: 2, policy: DEFAULT_RETRY_POLICY });
    const signal = new AbortController().signal;
    // One request fails six times while another keeps succeeding in between.
    let unlucky = 0;
    const flaky = s.run(
      async () => {
        if (unlucky++ < 6) throw new AvePointApiError('SERVER_ERROR', 'x', { status: 500 });
      },
      { signal, priority: 1 },
    );
    for (let i = 0; i < 20; i++) await s.run(async () => undefined, { signal, priority: 2 });
    await flaky;
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(2 * DEFAULT_RETRY_POLICY.baseDelayMs);

    // When everything fails, the waits grow as the retries do.
    const dead = createScheduler({ ...clock, random: () => 0.999, concurrency: 1, policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 6 } });
    clock.sleeps.length = 0;
    await dead
      .run(
        async () => {
          throw new AvePointApiError('UNAVAILABLE', 'x', { status: 503 });
        },
        { signal, priority: 1 },
      )
      .catch(() => undefined);
    expect(clock.sleeps.map((ms) => Math.round(ms / DEFAULT_RETRY_POLICY.baseDelayMs))).toEqual([1, 2, 4, 8, 16, 32]);
  });
});
