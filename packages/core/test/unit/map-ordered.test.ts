// Property: whatever order the tasks finish in, mapOrdered yields results in input order, runs at
// most `concurrency` tasks at once and holds at most `concurrency` results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapOrdered } from '../../src/index.js';

describe('mapOrdered', () => {
  it('yields in order with bounded concurrency and bounded held results, for any completion order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.scheduler(),
        async (items, concurrency, s) => {
          let running = 0;
          let maxRunning = 0;
          let started = 0;
          let consumed = 0;
          let maxHeld = 0;
          const task = async (item: number) => {
            started++;
            running++;
            maxRunning = Math.max(maxRunning, running);
            await s.schedule(Promise.resolve(), `task ${item}`);
            running--;
            return item * 2;
          };
          const out: number[] = [];
          const consume = (async () => {
            for await (const value of mapOrdered(items, concurrency, task)) {
              out.push(value);
              consumed++;
              // started-but-not-consumed tasks are what the iterator holds (in flight or done)
              maxHeld = Math.max(maxHeld, started - consumed + 1);
            }
          })();
          await s.waitFor(consume);
          expect(out).toEqual(items.map((x) => x * 2));
          expect(maxRunning).toBeLessThanOrEqual(concurrency);
          expect(maxHeld).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports the first failure in order and cancels the tasks still running', async () => {
    const signals: AbortSignal[] = [];
    const task = (i: number, signal: AbortSignal) => {
      signals.push(signal);
      if (i === 0) return Promise.resolve(0);
      if (i === 1) return Promise.reject(new Error('boom 1'));
      // Still running when task 1 fails: only an abort ends them.
      return new Promise<number>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const v of mapOrdered([0, 1, 2, 3], 3, task)) out.push(v);
      })(),
    ).rejects.toThrow('boom 1');
    expect(out).toEqual([0]);
    expect(signals.map((s) => s.aborted)).toEqual([false, false, true, true]);
  });

  it('rejects a concurrency below 1', async () => {
    await expect(mapOrdered([1], 0, async (x) => x).next()).rejects.toThrow(RangeError);
  });
});
