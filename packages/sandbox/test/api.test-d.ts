// The settled interface other packages code against: a rename or a narrowed type fails here.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type IN_PROCESS_ORIGIN,
  startSandbox,
  type FaultRule,
  type RateLimit,
  type Sandbox,
  type SandboxFetch,
  type SandboxOptions,
  type SandboxUser,
} from '../src/index.js';
import { createContractValidator, type ContractResult } from '../src/contract/index.js';

describe('public types', () => {
  it('startSandbox takes the settled options and resolves to a Sandbox', () => {
    expectTypeOf(startSandbox).parameter(0).toEqualTypeOf<SandboxOptions | undefined>();
    expectTypeOf(startSandbox).returns.resolves.toEqualTypeOf<Sandbox>();
    expectTypeOf<{
      port: 0;
      host: '127.0.0.1';
      users: 10;
      seed: 1;
      tokenTtlSeconds: 30;
      faults: FaultRule[];
    }>().toMatchTypeOf<SandboxOptions>();
    expectTypeOf<{ rateLimit: { capacity: 5; refillPerSecond: 1; retryAfterSeconds: 2 } }>().toMatchTypeOf<SandboxOptions>();
    expectTypeOf<RateLimit>().toHaveProperty('refillPerSecond').toEqualTypeOf<number>();
  });

  it('a Sandbox has the settled members', () => {
    expectTypeOf<Sandbox['baseUrl']>().toEqualTypeOf<string>();
    expectTypeOf<Sandbox['tokenUrl']>().toEqualTypeOf<string>();
    expectTypeOf<Sandbox['clientId']>().toEqualTypeOf<string>();
    expectTypeOf<Sandbox['clientSecret']>().toEqualTypeOf<string>();
    expectTypeOf<Sandbox['certificate']>().toMatchTypeOf<{ clientId: string; privateKeyPem: string; certificateThumbprint: string }>();
    expectTypeOf<Sandbox['customers'][number]>().toMatchTypeOf<{
      customerId: string;
      tenants: Array<{ tenantId: string; users: number }>;
    }>();
    expectTypeOf<Sandbox['setFaults']>().toEqualTypeOf<(rules: FaultRule[]) => void>();
    expectTypeOf<ReturnType<Sandbox['stats']>>().toEqualTypeOf<{
      tokenRequests: number;
      apiRequests: number;
      byStatus: Record<number, number>;
      faultsInjected: number;
    }>();
    expectTypeOf<Sandbox['resetStats']>().toEqualTypeOf<() => void>();
    expectTypeOf<Sandbox['userAt']>().toEqualTypeOf<(customerIdx: number, tenantIdx: number, index: number) => SandboxUser>();
    expectTypeOf<Sandbox['close']>().toEqualTypeOf<() => Promise<void>>();
  });

  it("the in-process fetch is the global fetch's shape, and takes what an injected fetch gets", () => {
    expectTypeOf<Sandbox['fetch']>().toEqualTypeOf<SandboxFetch>();
    expectTypeOf<SandboxFetch>().toMatchTypeOf<typeof fetch>();
    expectTypeOf<SandboxFetch>().toMatchTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf<SandboxOptions['listen']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<typeof IN_PROCESS_ORIGIN>().toEqualTypeOf<'https://sandbox.invalid'>();
  });

  it('a FaultRule has the settled fields', () => {
    expectTypeOf<{
      match: { path: 'token'; pageIndex: 2; nth: 3; first: 1 };
      latencyMs: 5;
      status: 429;
      retryAfter: '1';
      reset: true;
      slowBodyMs: 10;
      statusAsInteger: true;
      expireTokens: true;
    }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ status: 404; body: '<html>Not Found</html>'; contentType: 'text/html' }>().toMatchTypeOf<FaultRule>();
    expectTypeOf<{ status: '404' }>().not.toMatchTypeOf<FaultRule>();
  });

  it('the contract validator returns { valid, errors }', () => {
    const v = createContractValidator();
    expectTypeOf(v.validateUsersBatchResponse).returns.toEqualTypeOf<ContractResult>();
    expectTypeOf(v.validateUsersBatchRequest).returns.toEqualTypeOf<ContractResult>();
    expectTypeOf<ContractResult>().toEqualTypeOf<{ valid: boolean; errors: string[] }>();
  });
});
