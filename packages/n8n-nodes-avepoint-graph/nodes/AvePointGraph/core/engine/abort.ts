// Generated from packages/core/src/engine/abort.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Abort helpers with no timers and no globals beyond AbortSignal itself (the n8n node ships this).

/** The reason a signal fired with, or a plain AbortError when it gave none. */
export function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Many controllers that fire when `parent` does, with one listener on it: a listing opens dozens
 * of pages at once, and a listener per page on one signal trips Node's MaxListeners warning.
 */
export interface AbortScope {
  /** Fires when the parent does or when the scope is closed. */
  readonly signal: AbortSignal;
  /** A controller of its own (abort it alone), also aborted with the scope. Dropped once settled. */
  child(): { controller: AbortController; done: () => void };
  /** Aborts every child still open and unhooks from the parent. */
  close(reason?: unknown): void;
}

export function abortScope(parent: AbortSignal | undefined): AbortScope {
  const { controller, release } = linkedController(parent);
  const children = new Set<AbortController>();
  const onAbort = () => {
    for (const child of children) child.abort(abortReason(controller.signal));
  };
  controller.signal.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    child() {
      const child = new AbortController();
      if (controller.signal.aborted) child.abort(abortReason(controller.signal));
      else children.add(child);
      return { controller: child, done: () => void children.delete(child) };
    },
    close(reason) {
      if (!controller.signal.aborted) controller.abort(reason);
      controller.signal.removeEventListener('abort', onAbort);
      children.clear();
      release();
    },
  };
}

/**
 * A controller that also fires when `parent` does, and a `release` that unhooks it: a listing
 * that stops early cancels what it started without leaving listeners on the caller's signal.
 */
export function linkedController(parent: AbortSignal | undefined): { controller: AbortController; release: () => void } {
  const controller = new AbortController();
  if (!parent) return { controller, release: () => undefined };
  if (parent.aborted) {
    controller.abort(abortReason(parent));
    return { controller, release: () => undefined };
  }
  const forward = () => controller.abort(abortReason(parent));
  parent.addEventListener('abort', forward, { once: true });
  return { controller, release: () => parent.removeEventListener('abort', forward) };
}

/**
 * Waits for a promise but lets this caller leave early when its signal fires (a shared token
 * request, or a transport that takes no signal). A late failure of the promise left behind is
 * dropped, not reported as an unhandled rejection.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const leave = () => {
    promise.catch(() => undefined);
    return abortReason(signal);
  };
  if (signal.aborted) return Promise.reject(leave());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(leave());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
