// A clock and a sleep that only move when told: retries, Retry-After and token expiry without
// waiting. Give the same one to the client and to the sandbox (its `clock`), and both live in one
// time: a client's three-second back-off is three seconds for the sandbox's tokens and bucket too.
import type { Sleep } from '../../src/index.js';

export interface FakeTime {
  now(): number;
  advance(ms: number): void;
  /** Every sleep asked for, in order: the client's back-off, read by the tests. */
  readonly sleeps: number[];
  /** Resolves at once, having moved the clock; refuses an aborted signal as a real sleep does. */
  sleep: Sleep;
}

export function fakeTime(start = Date.parse('2026-06-01T00:00:00Z')): FakeTime {
  let nowMs = start;
  const sleeps: number[] = [];
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      nowMs += ms;
    },
  };
}
