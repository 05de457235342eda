// The listing engine's rules, one example each, against the model tenant or a scripted service.
import { describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointError, DEFAULT_RETRY_POLICY, type InconsistencyReport } from '../../src/protocol/index.js';
import {
  createScheduler,
  listPages,
  MAX_REPEATED_PAGES,
  REORDER_PAGES_PER_SLOT,
  type ListingOptions,
  type PageOf,
  type PageRequest,
} from '../../src/engine/index.js';
import { fakeClock, guidOf, ModelTenant, type ModelUser } from './model-tenant.js';

const policy = { ...DEFAULT_RETRY_POLICY };

function options(
  getPage: (r: PageRequest) => Promise<PageOf<ModelUser>>,
  extra: Partial<ListingOptions<ModelUser>> = {},
  clock = fakeClock(),
) {
  const concurrency = extra.concurrency ?? 4;
  return {
    getPage,
    keyOf: (u: ModelUser) => u.id,
    scheduler: createScheduler({ ...clock, concurrency, policy }),
    pageSize: 10,
    concurrency,
    ...extra,
  } satisfies ListingOptions<ModelUser>;
}

async function collect(o: ListingOptions<ModelUser>) {
  const ids: string[] = [];
  const pages: number[] = [];
  for await (const page of listPages(o)) {
    pages.push(page.pageIndex);
    ids.push(...page.items.map((u) => u.id));
  }
  return { ids, pages };
}

const users = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: guidOf(from + i) }));

describe('planning', () => {
  it('reads every page once, in order, for a tenant that holds still', async () => {
    const model = new ModelTenant({ users: 95, seed: 1 });
    const { ids, pages } = await collect(options((r) => model.getPage(r)));
    expect(ids).toEqual(model.ids);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(model.requests).toBe(10);
  });

  it('survives a first page claiming 1e11 users: memory does not follow the count, paging stops where the data ends', async () => {
    let requests = 0;
    const reports: InconsistencyReport[] = [];
    const { ids } = await collect(
      options(
        async (r) => {
          requests++;
          return { items: users((r.pageIndex - 1) * r.pageSize, Math.min(35, r.pageIndex * r.pageSize)), totalCount: 1e11 };
        },
        { onInconsistency: (x) => reports.push(x) },
      ),
    );
    expect(ids).toEqual(users(0, 35).map((u) => u.id));
    // Per pass: the first page, then one reorder window of pages at most; the
    // short fourth page ends the pass, so reading never follows the count's 1e10 pages.
    expect(requests).toBeLessThanOrEqual(3 * (1 + REORDER_PAGES_PER_SLOT * 4));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.reasons.join(' ')).toMatch(/ended at page 4/);
  });

  it.each([2 ** 53 + 2, -1, 1.5, Number.NaN])('refuses a totalCount of %s as INVALID_RESPONSE, never a crash', async (totalCount) => {
    const error = await collect(options(async () => ({ items: users(0, 3), totalCount }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('refuses more users than the IDs asked for (maxTotal) as INVALID_RESPONSE', async () => {
    const error = await collect(options(async () => ({ items: users(0, 3), totalCount: 250 }), { maxTotal: 100, pageSize: 100 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/at most 100/) });
  });

  it('stops a service that ignores pageIndex after a run of repeated pages', async () => {
    let requests = 0;
    const error = await collect(
      options(async () => {
        requests++;
        return { items: users(0, 10), totalCount: 10_000 };
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/ignore pageIndex/) });
    expect(requests).toBeLessThan(MAX_REPEATED_PAGES + REORDER_PAGES_PER_SLOT * 4 + 2);
  });

  it('reads on past the plan when the last planned page is full and the tenant grew', async () => {
    // 1% of the tenant inserted at the end before every request: the first count is soon stale.
    const model = new ModelTenant({ users: 1000, seed: 3, churnRequests: 30, opsPerRequest: 10, kinds: ['insert'] });
    const { ids } = await collect(options((r) => model.getPage(r), { maxPasses: 5 }));
    expect(ids.length).toBeGreaterThan(1000);
    expect(new Set(ids)).toEqual(new Set(model.ids));
  });

  it('follows the page size the service serves, asking later pages for that size', async () => {
    const asked: number[] = [];
    const { ids } = await collect(
      options(
        async (r) => {
          asked.push(r.pageSize);
          const start = (r.pageIndex - 1) * 5;
          return { items: users(start, Math.min(23, start + 5)), totalCount: 23 };
        },
        { pageSize: 10 },
      ),
    );
    expect(ids).toEqual(users(0, 23).map((u) => u.id));
    expect(asked).toEqual([10, 5, 5, 5, 5]);
  });
});

describe('limit and resume', () => {
  it('asks only for the pages the limit needs, and cuts the last', async () => {
    const model = new ModelTenant({ users: 500, seed: 1 });
    const { ids } = await collect(options((r) => model.getPage(r), { limit: 25, concurrency: 8 }));
    expect(ids).toEqual(model.ids.slice(0, 25));
    expect(model.requests).toBe(3);
  });

  it('says where to resume after a failure, and resumes there', async () => {
    const model = new ModelTenant({ users: 100, seed: 1 });
    const failing = async (r: PageRequest) => {
      if (r.pageIndex === 6) throw new AvePointApiError('FORBIDDEN', 'no', { status: 403 });
      return model.getPage(r);
    };
    const seen: string[] = [];
    const error = await (async () => {
      for await (const page of listPages(options(failing))) seen.push(...page.items.map((u) => u.id));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointError);
    expect((error as AvePointError).resumeFrom).toBe(6);
    expect(seen).toEqual(model.ids.slice(0, 50));
    const rest = await collect(options((r) => model.getPage(r), { resumeFrom: 6 }));
    expect([...seen, ...rest.ids]).toEqual(model.ids);
  });
});

describe('no head-of-line blocking', () => {
  it('keeps `concurrency` requests in flight while an early page sleeps off a Retry-After', async () => {
    const clock = fakeClock();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sleep = async (ms: number) => {
      clock.sleeps.push(ms);
      if (ms === 5000) await gate;
    };
    const model = new ModelTenant({ users: 400, seed: 2 });
    let failedOnce = false;
    let inFlight = 0;
    let maxInFlight = 0;
    const getPage = async (r: PageRequest) => {
      if (r.pageIndex === 2 && !failedOnce) {
        failedOnce = true;
        throw new AvePointApiError('UNAVAILABLE', 'busy', { status: 503, retryAfter: '5' });
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        return await model.getPage(r);
      } finally {
        inFlight--;
      }
    };
    const listing = listPages(options(getPage, { concurrency: 4 }, { ...clock, sleep }));
    const first = await listing.next();
    expect(first.value?.pageIndex).toBe(1);
    const second = listing.next();
    // While page 2 waits, the others go on: the whole reorder window gets read.
    const window = REORDER_PAGES_PER_SLOT * 4;
    for (let i = 0; i < 400 && model.requests < window; i++) await new Promise((r) => setImmediate(r));
    expect(model.requests).toBe(window);
    expect(maxInFlight).toBe(4);
    release();
    expect((await second).value?.pageIndex).toBe(2);
    let pages = 2;
    for await (const _ of { [Symbol.asyncIterator]: () => listing }) pages++;
    expect(pages).toBe(40);
  });
});

describe('stopping', () => {
  it('cancels the pages still open when the consumer stops early', async () => {
    const model = new ModelTenant({ users: 1000, seed: 1 });
    const aborted: number[] = [];
    const getPage = async (r: PageRequest) => {
      r.signal.addEventListener('abort', () => aborted.push(r.pageIndex));
      await new Promise((resolve) => setImmediate(resolve));
      r.signal.throwIfAborted();
      return model.getPage(r);
    };
    for await (const page of listPages(options(getPage, { concurrency: 4 }))) if (page.pageIndex === 2) break;
    expect(aborted.length).toBeGreaterThan(0);
    const after = model.requests;
    await new Promise((r) => setTimeout(r, 5));
    expect(model.requests).toBe(after);
  });
});
