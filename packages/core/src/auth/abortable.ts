import { abortReason } from '../client/sleep.js';

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
