// @avepoint-graph-kit/core/engine: listings driven over a host's getPage, sleep and clock.
// Sans-I/O like the protocol: no network, no timers, no process or globalThis.
export { abortable, abortReason, abortScope, linkedController, type AbortScope } from './abort.js';
export { IdSet, type MarkResult } from './id-set.js';
export { lookUpIds, type IdLookupOptions } from './id-lookup.js';
export {
  listPages,
  MAX_REPEATED_PAGES,
  REORDER_PAGES_PER_SLOT,
  type ListedPage,
  type ListingOptions,
  type ListingProgress,
  type PageOf,
  type PageOrReader,
  type PageRequest,
} from './listing.js';
export { retryCall, type EngineClock, type RetryCallOptions, type RetryEvent, type Sleep } from './retry-call.js';
export { createScheduler, type RunOptions, type Scheduler, type SchedulerOptions, type SchedulerStats } from './scheduler.js';
