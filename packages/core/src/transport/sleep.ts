// The default wait between retries, on timers (the engine itself has none). It ends early,
// rejecting with the abort reason, when the caller's signal fires, so an aborted export does not
// sit out a 30 s Retry-After.
import { abortReason, type Sleep } from '../engine/index.js';

export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
