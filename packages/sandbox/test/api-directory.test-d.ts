// The interface of the customers and one-user additions, settled like api.test-d.ts.
import { describe, expectTypeOf, it } from 'vitest';
import type { Sandbox, SandboxCustomerRecord, SandboxUser, SandboxUserDetail } from '../src/index.js';
import { createContractValidator, type ContractResult, type OperationId } from '../src/contract/index.js';

describe('public types of the customers and one-user endpoints', () => {
  it('a Sandbox has the new members', () => {
    expectTypeOf<Sandbox['usersOnlyClient']>().toEqualTypeOf<{ clientId: string; clientSecret: string }>();
    expectTypeOf<Sandbox['customersUrl']>().toEqualTypeOf<() => string>();
    expectTypeOf<Sandbox['userUrl']>().toEqualTypeOf<(customerIdx: number, tenantIdx: number, user: number | string) => string>();
    expectTypeOf<Sandbox['customerAt']>().toEqualTypeOf<(customerIdx: number) => SandboxCustomerRecord>();
    expectTypeOf<Sandbox['userDetailAt']>().toEqualTypeOf<(customerIdx: number, tenantIdx: number, index: number) => SandboxUserDetail>();
    expectTypeOf<Sandbox['customers'][number]['tenants'][number]['name']>().toEqualTypeOf<string>();
  });

  it('the detailed user shares the batch fields with the same types', () => {
    type Shared =
      | 'id'
      | 'displayName'
      | 'firstName'
      | 'lastName'
      | 'mail'
      | 'department'
      | 'jobTitle'
      | 'employeeId'
      | 'company'
      | 'mobile'
      | 'location'
      | 'isTestUser'
      | 'status';
    expectTypeOf<Pick<SandboxUserDetail, Shared>>().toEqualTypeOf<Pick<SandboxUser, Shared>>();
    expectTypeOf<SandboxUserDetail['countryRegion']>().toEqualTypeOf<SandboxUser['countryOrRegion']>();
  });

  it('the contract validator covers every operation', () => {
    const v = createContractValidator();
    expectTypeOf(v.validateCustomersResponse).returns.toEqualTypeOf<ContractResult>();
    expectTypeOf(v.validateUserResponse).returns.toEqualTypeOf<ContractResult>();
    expectTypeOf<OperationId>().toEqualTypeOf<'getUsersBatch' | 'getUser' | 'listCustomers'>();
  });
});
