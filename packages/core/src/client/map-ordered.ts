// Runs `task` over `items` with at most `concurrency` tasks in flight and yields the results in
// the items' order. At most `concurrency` results are held at a time (the one being consumed
// plus the ones in flight), which is what keeps a 1,000,000-user export's memory flat.
import { abortReason } from './sleep.js';

export async function* mapOrdered<T, R>(
  items: Iterable<T>,
  concurrency: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R, void, undefined> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  signal?.throwIfAborted();
  // One controller per task, so that stopping early (break, error, the caller's abort) cancels
  // what is in flight, and a 10,000-page export does not pile listeners on one shared signal.
  const inFlight = new Set<AbortController>();
  const stopAll = (reason?: unknown) => {
    for (const controller of inFlight) controller.abort(reason);
  };
  const onAbort = () => stopAll(abortReason(signal!));
  signal?.addEventListener('abort', onAbort, { once: true });
  const source = items[Symbol.iterator]();
  const window: Promise<R>[] = [];
  const startNext = () => {
    const next = source.next();
    if (next.done) return;
    const controller = new AbortController();
    inFlight.add(controller);
    const running = task(next.value, controller.signal);
    const settle = () => void inFlight.delete(controller);
    running.then(settle, settle);
    // Failures are reported when their turn comes; until then they must not be "unhandled".
    running.catch(() => undefined);
    window.push(running);
  };
  try {
    for (let i = 0; i < concurrency; i++) startNext();
    while (window.length > 0) {
      const result = await window.shift()!;
      signal?.throwIfAborted();
      yield result;
      startNext();
    }
  } finally {
    stopAll();
    signal?.removeEventListener('abort', onAbort);
  }
}
