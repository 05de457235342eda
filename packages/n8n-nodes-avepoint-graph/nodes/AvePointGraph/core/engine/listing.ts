// Generated from packages/core/src/engine/listing.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// One listing of a paged collection of the API family (a tenant's users, users by ID, the
// partner's customers), every item at most once, in page order, exact while the collection
// changes. Sans-I/O: the host passes getPage and a scheduler built on its own sleep and clock.
//
// The API pages by offset, so an insert between two requests shifts later items right (one is
// read twice) and a delete shifts them left (one is never read). A pass notices a change by a
// page's totalCount that differs from its first page's, a page holding more or fewer items than
// its place allows, or an ID seen twice. After a pass that changed, the listing reads again (a
// verification pass) and yields only what no pass yielded yet, until a pass sees no change or
// maxPasses is spent. A pass with no change read one unchanging tenant: every item present
// throughout has then been yielded.
import {
  AvePointApiError,
  AvePointConsistencyError,
  AvePointError,
  DEFAULT_MAX_PASSES,
  effectivePageSize,
  pageCount,
  type Consistency,
  type InconsistencyReport,
} from '../protocol/index.js';
import { itemsDueOnPage } from '../protocol/pages.js';
import { abortScope } from './abort.js';
import { IdSet } from './id-set.js';
import type { Scheduler } from './scheduler.js';

export interface PageRequest {
  pageIndex: number;
  pageSize: number;
  signal: AbortSignal;
}

/** What getPage returns: the page's items and the count the service reported with them. */
export interface PageOf<T> {
  items: readonly T[];
  totalCount: number;
}

/** A page as the listing hands it on: only items no earlier page or pass yielded, cut to `limit`. */
export interface ListedPage<T> {
  pass: number;
  pageIndex: number;
  /** The page size the listing pages by (the one the service serves). */
  pageSize: number;
  totalCount: number;
  items: T[];
}

export interface ListingProgress {
  pass: number;
  pageIndex: number;
  /** Pages of this pass read so far, the first included. */
  pagesDone: number;
  /** Pages this pass will read, as far as it knows (it grows with the tenant). */
  pageCount: number;
  /** The count the latest page reported. */
  totalCount: number;
  /** Items the listing expects to yield (the largest count seen, capped by `limit`). */
  expectedItems: number;
  /** Items yielded so far, all passes. */
  itemsDone: number;
}

/**
 * What getPage resolves to: the page, or a function that reads it when its turn comes. A reorder
 * window of parsed pages keeps thousands of small objects alive across garbage collections; a
 * window of unread bodies keeps a few large strings, which is what holds a big export's memory flat.
 */
export type PageOrReader<T> = PageOf<T> | (() => PageOf<T>);

export interface ListingOptions<T> {
  getPage: (request: PageRequest) => Promise<PageOrReader<T>>;
  /** The item's identity (an ID; the listing compares IDs case-insensitively). */
  keyOf: (item: T) => string;
  scheduler: Scheduler;
  /** The page size to ask for. */
  pageSize: number;
  /** Sizes the reorder window (pages open at once): a small multiple of it. */
  concurrency: number;
  limit?: number | undefined;
  /** The first page to read (default 1); verification passes start there too. */
  resumeFrom?: number | undefined;
  maxPasses?: number | undefined;
  consistency?: Consistency | undefined;
  /** The most items the query can match (the IDs asked for): a count above it is a lie. */
  maxTotal?: number | undefined;
  /** The page at `resumeFrom`, when the caller has read it already (pass 1 uses it). */
  firstPage?: PageOf<T> | undefined;
  signal?: AbortSignal | undefined;
  onPage?: ((progress: ListingProgress) => void) | undefined;
  /** Called, in the default lenient mode, when the last pass still saw the collection change. */
  onInconsistency?: ((report: InconsistencyReport) => void) | undefined;
  /** What is listed, for messages ("users", "customers"). */
  noun?: string | undefined;
}

/** Pages open at once per unit of concurrency: finished pages wait here for their turn. */
export const REORDER_PAGES_PER_SLOT = 8;
/** Pages in a row that bring nothing new to their pass: the service is repeating itself. */
export const MAX_REPEATED_PAGES = 16;
const MAX_REASONS = 5;
const MAX_COUNTS_KEPT = 20;

interface PassState {
  changed: boolean;
  reasons: string[];
}

export async function* listPages<T>(o: ListingOptions<T>): AsyncGenerator<ListedPage<T>, void, undefined> {
  const start = o.resumeFrom ?? 1;
  const maxPasses = o.maxPasses ?? DEFAULT_MAX_PASSES;
  const noun = o.noun ?? 'items';
  const window = Math.max(2, REORDER_PAGES_PER_SLOT * o.concurrency);
  const seen = new IdSet();
  const totalCounts: number[] = [];
  const scope = abortScope(o.signal);
  let yielded = 0;
  let addedLater = 0;
  const full = () => o.limit !== undefined && yielded >= o.limit;

  const noteCount = (count: number) => {
    if (totalCounts.length < MAX_COUNTS_KEPT && !totalCounts.includes(count)) totalCounts.push(count);
  };
  // Pages open in the current pass, so a failure can cancel the pages after it.
  const controllers = new Map<number, AbortController>();
  /** The earliest page of the pass that failed for good: nothing after it is worth reading. */
  let failedAt = Number.POSITIVE_INFINITY;
  const fetchPage = (pageIndex: number, pageSize: number): Promise<PageOrReader<T>> => {
    const page = scope.child();
    controllers.set(pageIndex, page.controller);
    const running = o.scheduler.run((s) => o.getPage({ pageIndex, pageSize, signal: s }), {
      signal: page.controller.signal,
      priority: pageIndex,
      what: `page ${pageIndex}`,
    });
    running.then(
      () => undefined,
      () => {
        // Reported when the page's turn comes; until then it stops the reading beyond it.
        if (page.controller.signal.aborted || pageIndex >= failedAt) return;
        failedAt = pageIndex;
        for (const [later, controller] of controllers) if (later > pageIndex) controller.abort();
      },
    );
    const settle = () => {
      controllers.delete(pageIndex);
      page.done();
    };
    running.then(settle, settle);
    return running;
  };
  const invalid = (why: string) => new AvePointApiError('INVALID_RESPONSE', `The response is not plausible: ${why}`, { status: 200 });

  try {
    for (let pass = 1; pass <= maxPasses; pass++) {
      const state: PassState = { changed: false, reasons: [] };
      const changed = (reason: string) => {
        state.changed = true;
        if (state.reasons.length < MAX_REASONS) state.reasons.push(reason);
      };
      let repeatedPages = 0;

      /** The page's items no pass has yielded yet; notes what it says about a change. */
      const take = (pageIndex: number, page: PageOf<T>, firstTotal: number, size: number): T[] => {
        if (o.maxTotal !== undefined && (page.totalCount > o.maxTotal || page.items.length > o.maxTotal)) {
          throw invalid(
            `the service reports ${page.totalCount} ${noun} (and sends ${page.items.length}) for a query that matches at most ${o.maxTotal}`,
          );
        }
        if (!Number.isSafeInteger(page.totalCount) || page.totalCount < 0) {
          throw invalid(`totalCount ${String(page.totalCount).slice(0, 40)} is not a non-negative safe integer`);
        }
        noteCount(page.totalCount);
        if (page.totalCount !== firstTotal) changed(`totalCount went from ${firstTotal} to ${page.totalCount} by page ${pageIndex}`);
        const due = itemsDueOnPage(firstTotal, size, pageIndex);
        if (page.items.length !== due) changed(`page ${pageIndex} held ${page.items.length} ${noun} where ${due} were due`);
        const fresh: T[] = [];
        let repeats = 0;
        for (const item of page.items) {
          const key = o.keyOf(item);
          const mark = seen.mark(key, pass);
          if (mark === 'new') fresh.push(item);
          else if (mark === 'this-pass') {
            repeats++;
            changed(`${key} was listed twice (page ${pageIndex})`);
          }
        }
        if (page.items.length > 0 && repeats === page.items.length) {
          if (++repeatedPages >= MAX_REPEATED_PAGES) {
            throw invalid(`${repeatedPages} pages in a row repeated ${noun} already listed: the service seems to ignore pageIndex`);
          }
        } else repeatedPages = 0;
        return fresh;
      };

      const emit = (pageIndex: number, size: number, totalCount: number, fresh: T[]): ListedPage<T> | undefined => {
        const room = o.limit === undefined ? fresh.length : o.limit - yielded;
        const items = fresh.length > room ? fresh.slice(0, room) : fresh;
        yielded += items.length;
        if (pass > 1) addedLater += items.length;
        return items.length > 0 ? { pass, pageIndex, pageSize: size, totalCount, items } : undefined;
      };

      // The pass's first page sets its plan: the count, and the page size the service serves.
      let first: PageOf<T>;
      try {
        first = pass === 1 && o.firstPage ? o.firstPage : read(await fetchPage(start, o.pageSize));
      } catch (error) {
        throw resumable(error, pass, start);
      }
      const firstTotal = first.totalCount;
      const size = effectivePageSize(o.pageSize, first, start);
      // Later pages ask for the size the service serves, so its offsets are ours whether it pages
      // by its own size or by the one asked; never for more than asked (a service ignoring pageSize).
      const askSize = Math.min(size, o.pageSize);
      let lastPage = Math.max(start, pageCount(firstTotal, size));
      let highestTotal = firstTotal;
      const progress = (pageIndex: number, totalCount: number) => {
        const expected = Math.max(0, highestTotal - (start - 1) * size);
        o.onPage?.({
          pass,
          pageIndex,
          pagesDone: pageIndex - start + 1,
          pageCount: lastPage - start + 1,
          totalCount,
          expectedItems: o.limit === undefined ? expected : Math.min(o.limit, expected),
          itemsDone: yielded,
        });
      };

      const firstListed = emit(start, size, firstTotal, take(start, first, firstTotal, size));
      progress(start, firstTotal);
      if (firstListed) yield firstListed;
      if (full()) return;

      const open = new Map<number, Promise<PageOrReader<T>>>();
      let nextRequest = start + 1;
      const wanted = () => {
        if (nextRequest > lastPage || nextRequest > failedAt || open.size >= window) return false;
        // With a limit, the first pass asks only for the pages the limit still needs.
        if (o.limit !== undefined && pass === 1) return open.size * size < o.limit - yielded;
        return true;
      };
      for (let pageIndex = start + 1; pageIndex <= lastPage; pageIndex++) {
        while (wanted()) {
          open.set(nextRequest, fetchPage(nextRequest, askSize));
          nextRequest++;
        }
        const pending = open.get(pageIndex);
        if (!pending) break;
        let page: PageOf<T>;
        try {
          page = read(await pending);
        } catch (error) {
          throw resumable(error, pass, pageIndex);
        }
        open.delete(pageIndex);
        highestTotal = Math.max(highestTotal, page.totalCount);
        const listed = emit(pageIndex, size, page.totalCount, take(pageIndex, page, firstTotal, size));
        if (page.items.length < size) {
          // A short page is where the data ends now, whatever the count said: pages past it are
          // empty (deletes moved everything left), so the pass stops reading there.
          if (pageIndex < lastPage) {
            changed(`the ${noun} ended at page ${pageIndex} of the ${lastPage} planned`);
            lastPage = pageIndex;
            for (const [later, controller] of controllers) if (later > pageIndex) controller.abort();
          }
        } else if (
          pageIndex === lastPage &&
          (highestTotal > lastPage * size || page.items.length > itemsDueOnPage(firstTotal, size, pageIndex))
        ) {
          // The last planned page is full and the tenant grew (or the page held more than the
          // count allowed): the data goes on past the plan, so read on until it ends.
          lastPage = Math.max(lastPage + 1, pageCount(highestTotal, size));
          changed(`the ${noun} grew past the planned ${pageIndex} pages`);
        }
        progress(pageIndex, page.totalCount);
        if (listed) yield listed;
        if (full()) return;
      }

      if (!state.changed) return;
      if (pass === maxPasses) {
        const report: InconsistencyReport = {
          passes: pass,
          totalCounts: [...totalCounts],
          addedByLaterPasses: addedLater,
          reasons: state.reasons,
        };
        if (o.consistency === 'strict') throw new AvePointConsistencyError(report);
        o.onInconsistency?.(report);
        return;
      }
    }
  } finally {
    // Whatever ends the listing (done, break, error, limit) cancels the pages still open.
    scope.close();
  }
}

const read = <T>(page: PageOrReader<T>): PageOf<T> => (typeof page === 'function' ? page() : page);

/** A failure of the first pass says where a new listing can take over. */
function resumable(error: unknown, pass: number, pageIndex: number): unknown {
  if (pass === 1 && error instanceof AvePointError) error.resumeFrom = pageIndex;
  return error;
}
