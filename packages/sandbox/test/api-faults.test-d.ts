// The public types of churn, random faults, body faults and paging lies, as client tests use them.
import { describe, expectTypeOf, it } from 'vitest';
import type { Churn, ChurnChanges, FaultOutcome, FaultRule, FaultStatus, Sandbox, TenantSnapshot } from '../src/index.js';

describe('public types of the newer faults', () => {
  it('a FaultRule takes them all', () => {
    expectTypeOf<{
      match: { path: 'users'; probability: 0.3 };
      oneOf: [500, 502, 503, 504, 'reset'];
      seed: 7;
    }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{
      match: { tenantId: string; first: 40 };
      churn: { inserts: 2; deletes: 1; moves: 1; at: 'start' };
    }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ churn: { deletes: 0.01; scale: 'fractionOfTenant' } }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ hugeBody: { bytes: 'endless'; contentLength: false } }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ compressionBomb: { encoding: 'br'; decompressedBytes: 1073741824; layers: 2 } }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ corruptBody: { encoding: 'gzip' }; truncateBody: { afterBytes: 100 } }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ totalCount: '12' }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ totalCount: null }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ totalCount: { add: 1; addPerRequest: 10 }; servePageSize: 250; ignorePageIndex: true }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ status: 502 }>().toMatchTypeOf<FaultRule>();
    // Any HTTP error status (the checks at run time hold it to 400-599); the service's own ones named.
    expectTypeOf<{ oneOf: [403, 'reset']; contentType: 'text/html' }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ oneOf: ['timeout'] }>().not.toMatchTypeOf<FaultRule>();
    expectTypeOf<429>().toMatchTypeOf<FaultStatus>();
    expectTypeOf<'503'>().not.toMatchTypeOf<FaultStatus>();
    expectTypeOf<FaultOutcome>().toEqualTypeOf<FaultStatus | 'reset'>();
  });

  it('a Sandbox exposes the tenant as it is now', () => {
    expectTypeOf<Sandbox['tenantSnapshot']>().toEqualTypeOf<(customerIdx?: number, tenantIdx?: number) => TenantSnapshot>();
    expectTypeOf<Sandbox['applyChurn']>().toEqualTypeOf<(customerIdx: number, tenantIdx: number, step: Churn) => TenantSnapshot>();
    expectTypeOf<Sandbox['resetChurn']>().toEqualTypeOf<(customerIdx?: number, tenantIdx?: number) => void>();
    expectTypeOf<TenantSnapshot['operations']>().toEqualTypeOf<number>();
    expectTypeOf<TenantSnapshot['totalCount']>().toEqualTypeOf<number>();
    expectTypeOf<TenantSnapshot['ids']>().toEqualTypeOf<(start?: number, end?: number) => string[]>();
    expectTypeOf<TenantSnapshot['positionOf']>().toEqualTypeOf<(id: string) => number | undefined>();
    expectTypeOf<TenantSnapshot['idsPresentThroughout']>().toEqualTypeOf<(since: TenantSnapshot | number) => string[]>();
    expectTypeOf<TenantSnapshot['changesSince']>().returns.toEqualTypeOf<ChurnChanges>();
    expectTypeOf<ChurnChanges>().toEqualTypeOf<{ inserted: string[]; deleted: string[]; moved: string[] }>();
  });
});
