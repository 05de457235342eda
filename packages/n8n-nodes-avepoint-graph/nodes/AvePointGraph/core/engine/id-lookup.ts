// Generated from packages/core/src/engine/id-lookup.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Items by ID, any number of IDs: chunks the API accepts, each read as its own listing (so a chunk
// gets paging, retries, dedupe and change detection like any listing), `concurrency` chunks at a
// time through one scheduler. A count above the chunk's size is a lie no tenant can tell.
import { MAX_IDS_PER_REQUEST, planIdChunks, type Consistency, type InconsistencyReport } from '../protocol/index.js';
import { abortScope } from './abort.js';
import { listPages, type PageOrReader, type PageRequest } from './listing.js';
import type { Scheduler } from './scheduler.js';

export interface IdLookupOptions<T> {
  /** The IDs to look up (validated); case-only repeats count once. */
  ids: readonly string[];
  getPage: (ids: readonly string[], request: PageRequest) => Promise<PageOrReader<T>>;
  keyOf: (item: T) => string;
  scheduler: Scheduler;
  /** Chunks read at once. */
  concurrency: number;
  /** IDs per request (default 100, the API's most), also the page size asked. */
  chunkSize?: number | undefined;
  maxPasses?: number | undefined;
  consistency?: Consistency | undefined;
  onInconsistency?: ((report: InconsistencyReport) => void) | undefined;
  signal?: AbortSignal | undefined;
  noun?: string | undefined;
  /**
   * When given, a chunk that fails for good is reported here and the other chunks go on (its
   * items are then simply absent); without it the first failure ends the lookup.
   */
  onChunkError?: ((ids: readonly string[], error: unknown) => void) | undefined;
}

/** Every item found, each once, chunk by chunk in the order the IDs were given. */
export async function lookUpIds<T>(o: IdLookupOptions<T>): Promise<T[]> {
  const chunkSize = o.chunkSize ?? MAX_IDS_PER_REQUEST;
  const { chunks } = planIdChunks(o.ids, chunkSize);
  if (chunks.length === 0) return [];
  const results: T[][] = new Array<T[]>(chunks.length);
  const scope = abortScope(o.signal);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const at = next++;
      const chunk = chunks[at]!;
      const found: T[] = [];
      const child = scope.child();
      const pages = listPages({
        getPage: (request) => o.getPage(chunk, request),
        keyOf: o.keyOf,
        scheduler: o.scheduler,
        pageSize: chunkSize,
        concurrency: 1,
        maxTotal: chunk.length,
        maxPasses: o.maxPasses,
        consistency: o.consistency,
        onInconsistency: o.onInconsistency,
        signal: child.controller.signal,
        noun: o.noun,
      });
      let failure: { error: unknown } | undefined;
      try {
        for await (const page of pages) found.push(...page.items);
      } catch (error) {
        failure = { error };
      } finally {
        child.done();
      }
      if (failure && (!o.onChunkError || scope.signal.aborted)) throw failure.error;
      if (failure) o.onChunkError?.(chunk, failure.error);
      results[at] = failure ? [] : found;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, chunks.length) }, worker));
  } finally {
    // On a failure this stops the other chunks; after success there is nothing left to stop.
    scope.close();
  }
  return results.flat();
}
