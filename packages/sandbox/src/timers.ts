// Timers that close() can cut short, so a sandbox with pending latency or slow bodies still
// closes at once and leaves nothing keeping the process alive.
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** An injected sleep (tests) replaces the timers; close() cannot cut that one short. */
  constructor(private readonly injected?: (ms: number) => Promise<void>) {}

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    if (this.injected) return this.injected(ms);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
