// Type-level proof that the committed generated types carry the operation as the spec draws it.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../src/generated/openapi.js';

type BatchPath = paths['/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch'];
type Op = operations['getUsersBatch'];

describe('generated openapi types', () => {
  it('carries POST getUsersBatch on the batch path, and no other method', () => {
    expectTypeOf<BatchPath['post']>().toEqualTypeOf<Op>();
    expectTypeOf<BatchPath['get']>().toEqualTypeOf<undefined>();
  });

  it('has the path and query parameters with their types', () => {
    expectTypeOf<Op['parameters']['path']>().toEqualTypeOf<{ customerId: string; tenantId: string }>();
    expectTypeOf<NonNullable<Op['parameters']['query']>>().toEqualTypeOf<{ pageIndex?: number; pageSize?: number }>();
  });

  it('has an optional JSON body of userIds', () => {
    type Body = NonNullable<Op['requestBody']>['content']['application/json'];
    expectTypeOf<Body>().toEqualTypeOf<{ userIds?: string[] }>();
  });

  it('answers 200 with data and metadata, and documents every error status', () => {
    type Ok = Op['responses'][200]['content']['application/json'];
    expectTypeOf<Ok['data']>().toEqualTypeOf<components['schemas']['User'][]>();
    expectTypeOf<Ok['metadata']>().toEqualTypeOf<{ pageIndex: number; pageSize: number; totalCount: number }>();
    expectTypeOf<keyof Op['responses']>().toEqualTypeOf<200 | 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503 | 504>();
  });

  it('types status as UserStatus codes 0..8, as an array or a bare code', () => {
    type Status = components['schemas']['UserStatus'];
    expectTypeOf<Status>().toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8>();
    expectTypeOf<NonNullable<components['schemas']['User']['status']>>().toEqualTypeOf<Status[] | Status>();
  });

  it('has all 18 documented user fields', () => {
    expectTypeOf<keyof components['schemas']['User']>().toEqualTypeOf<
      | 'id'
      | 'userPrincipalName'
      | 'mail'
      | 'displayName'
      | 'firstName'
      | 'lastName'
      | 'employeeId'
      | 'location'
      | 'company'
      | 'department'
      | 'mobile'
      | 'jobTitle'
      | 'isTestUser'
      | 'age'
      | 'startDate'
      | 'endDate'
      | 'countryOrRegion'
      | 'status'
    >();
  });
});
