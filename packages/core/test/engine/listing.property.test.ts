// The engine against a model tenant that changes between requests and fails at random: never a
// duplicate; every user present throughout is yielded whenever the listing ends consistent (or
// the churn stops before its last pass); strict mode throws when the tenant never holds still.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AvePointConsistencyError, DEFAULT_RETRY_POLICY, type InconsistencyReport } from '../../src/protocol/index.js';
import { createScheduler, listPages, type ListingProgress } from '../../src/engine/index.js';
import { fakeClock, ModelTenant, type ChurnKind, type ModelUser } from './model-tenant.js';

interface Run {
  ids: string[];
  reports: InconsistencyReport[];
  passStarts: number[];
  error: unknown;
}

async function run(model: ModelTenant, o: { pageSize: number; concurrency: number; maxPasses: number; strict?: boolean }): Promise<Run> {
  const clock = fakeClock();
  const scheduler = createScheduler({ ...clock, concurrency: o.concurrency, policy: { ...DEFAULT_RETRY_POLICY, maxRetries: 30 } });
  const ids: string[] = [];
  const reports: InconsistencyReport[] = [];
  const passStarts: number[] = [];
  let error: unknown;
  try {
    for await (const page of listPages<ModelUser>({
      getPage: (r) => model.getPage(r),
      keyOf: (u) => u.id,
      scheduler,
      pageSize: o.pageSize,
      concurrency: o.concurrency,
      maxPasses: o.maxPasses,
      consistency: o.strict ? 'strict' : 'lenient',
      onInconsistency: (r) => reports.push(r),
      onPage: (p: ListingProgress) => {
        // The first page of a pass is read alone: the requests so far end with its own.
        if (p.pagesDone === 1) passStarts[p.pass] = model.requests;
      },
    })) {
      ids.push(...page.items.map((u) => u.id));
    }
  } catch (e) {
    error = e;
  }
  return { ids, reports, passStarts, error };
}

const kindsArb = fc.subarray(['insert', 'delete', 'move'] as ChurnKind[], { minLength: 1 });

describe('listing engine against a changing, failing tenant', () => {
  it('never yields a user twice or a user that never existed, and is exact whenever it ends consistent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          users: fc.integer({ min: 0, max: 1200 }),
          pageSize: fc.integer({ min: 1, max: 100 }),
          concurrency: fc.integer({ min: 1, max: 8 }),
          maxPasses: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer(),
          churnRequests: fc.integer({ min: 0, max: 60 }),
          opsPerRequest: fc.integer({ min: 1, max: 5 }),
          kinds: kindsArb,
          faultRate: fc.constantFrom(0, 0.1, 0.3),
        }),
        async (p) => {
          const model = new ModelTenant(p);
          const { ids, reports, error } = await run(model, p);
          expect(error).toBeUndefined();
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(model.everExisted.has(id)).toBe(true);
          if (reports.length === 0) {
            const got = new Set(ids);
            expect(model.presentThroughout().filter((id) => !got.has(id))).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('yields every user present throughout when the churn stops before the last pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          users: fc.integer({ min: 1, max: 1500 }),
          pageSize: fc.integer({ min: 5, max: 100 }),
          concurrency: fc.integer({ min: 1, max: 8 }),
          seed: fc.integer(),
          churnRequests: fc.integer({ min: 1, max: 40 }),
          opsPerRequest: fc.integer({ min: 1, max: 20 }),
          kinds: kindsArb,
        }),
        async (p) => {
          const model = new ModelTenant(p);
          const { ids, passStarts } = await run(model, { ...p, maxPasses: 10 });
          const lastPass = passStarts.length - 1;
          // Only a claim when the tenant held still from the last pass's first request on.
          fc.pre(p.churnRequests < passStarts[lastPass]!);
          const got = new Set(ids);
          expect(model.presentThroughout().filter((id) => !got.has(id))).toEqual([]);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('strict mode throws AvePointConsistencyError, after yielding, when the tenant never holds still', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          pages: fc.integer({ min: 2, max: 12 }),
          pageSize: fc.integer({ min: 5, max: 50 }),
          concurrency: fc.integer({ min: 1, max: 8 }),
          maxPasses: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer(),
          kinds: fc.subarray(['insert', 'delete'] as ChurnKind[], { minLength: 1 }),
        }),
        async (p) => {
          const model = new ModelTenant({
            users: p.pages * p.pageSize,
            seed: p.seed,
            churnRequests: Infinity,
            kinds: p.kinds,
            opsPerRequest: 1,
          });
          const { ids, error } = await run(model, { ...p, strict: true });
          expect(error).toBeInstanceOf(AvePointConsistencyError);
          const report = (error as AvePointConsistencyError).report;
          expect(report.passes).toBe(p.maxPasses);
          expect((error as AvePointConsistencyError).code).toBe('INCONSISTENT_LISTING');
          expect(ids.length).toBeGreaterThan(0);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
