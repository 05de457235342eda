// The contract validator on the customers and one-user operations, and on media types: it must
// accept what the spec allows and refuse what it does not.
import { describe, expect, it } from 'vitest';
import { createContractValidator, loadSpec, OPERATIONS, type OperationId } from '../src/contract/index.js';

const v = createContractValidator();
const guid = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
const customer = {
  id: guid,
  organization: 'Contoso',
  ownerEmail: 'admin@contoso.onmicrosoft.com',
  jobStatus: 1,
  countryOrRegion: 'Slovenia',
  managementMode: 1,
  tenants: [{ id: guid, name: 'Contoso Production' }],
};
const customersPage = { data: [customer], metadata: { pageIndex: 1, pageSize: 50, totalCount: 1 } };

describe('validateCustomersResponse / validateCustomersRequest', () => {
  it('accepts a page, a customer without tenants, and tenants sent as null', () => {
    expect(v.validateCustomersResponse(200, customersPage)).toEqual({ valid: true, errors: [] });
    expect(
      v.validateCustomersResponse(200, {
        ...customersPage,
        data: [
          { ...customer, tenants: [] },
          { ...customer, tenants: null },
        ],
      }).valid,
    ).toBe(true);
  });

  it('refuses undocumented codes, a non-GUID id, and a page over 100', () => {
    for (const bad of [
      { ...customer, jobStatus: 7 },
      { ...customer, managementMode: 3 },
      { ...customer, id: '42' },
      { ...customer, tenants: [{ name: 'no id' }] },
    ]) {
      expect(v.validateCustomersResponse(200, { ...customersPage, data: [bad] }).valid, JSON.stringify(bad)).toBe(false);
    }
    expect(v.validateCustomersResponse(200, { ...customersPage, data: Array.from({ length: 101 }, () => customer) }).valid).toBe(false);
  });

  it('checks the query and the customerIds body', () => {
    expect(v.validateCustomersRequest({ query: { pageIndex: '1', pageSize: '100' }, body: { customerIds: [guid] } })).toEqual({
      valid: true,
      errors: [],
    });
    expect(v.validateCustomersRequest({}).valid).toBe(true);
    expect(v.validateCustomersRequest({ query: { pageSize: 101 } }).errors.join()).toMatch(/query\.pageSize/);
    expect(v.validateCustomersRequest({ body: { customerIds: [guid, guid] } }).errors.join()).toMatch(/duplicate/);
    expect(
      v.validateCustomersRequest({
        body: { customerIds: Array.from({ length: 101 }, (_, i) => `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`) },
      }).valid,
    ).toBe(false);
  });
});

describe('validateUserResponse / validateUserRequest', () => {
  const user = {
    id: guid,
    displayName: 'Kevin Mark',
    status: [0, 1],
    alternateEmailAddress: ['a@example.com'],
    birthday: '1970-01-01T00:00:00Z',
    age: 34,
    countryRegion: 'Slovenia',
  };

  it('accepts status and alternateEmailAddress as arrays or bare values, and nulls', () => {
    expect(v.validateUserResponse(200, user)).toEqual({ valid: true, errors: [] });
    expect(v.validateUserResponse(200, { ...user, status: 3, alternateEmailAddress: 'a@example.com' }).valid).toBe(true);
    expect(v.validateUserResponse(200, { ...user, alternateEmailAddress: null, manager: null, birthday: null }).valid).toBe(true);
  });

  it('refuses repeated status codes, a negative age, a date that is not one, and no id', () => {
    for (const bad of [
      { ...user, status: [1, 1] },
      { ...user, age: -1 },
      { ...user, birthday: 'yesterday' },
      { displayName: 'no id' },
      { ...user, alternateEmailAddress: [42] },
    ]) {
      expect(v.validateUserResponse(200, bad).valid, JSON.stringify(bad)).toBe(false);
    }
  });

  it('checks the three path IDs and takes no body', () => {
    expect(v.validateUserRequest({ pathParams: { customerId: guid, tenantId: guid, userId: guid } }).valid).toBe(true);
    expect(v.validateUserRequest({ pathParams: { customerId: guid, tenantId: guid, userId: 'batch' } }).errors.join()).toMatch(
      /path\.userId/,
    );
    expect(v.validateUserRequest({ pathParams: { customerId: guid, tenantId: guid } }).errors.join()).toMatch(/path\.userId is required/);
    expect(v.validateUserRequest({ pathParams: { customerId: guid, tenantId: guid, userId: guid }, body: {} }).errors.join()).toMatch(
      /body is not part/,
    );
  });
});

describe('media types and statuses', () => {
  it('takes an error as JSON of any shape, text or anything else, on every operation', () => {
    for (const id of Object.keys(OPERATIONS) as OperationId[]) {
      expect(v.documentedStatusesOf(id)).toEqual(['200', '400', '401', '403', '404', '429', '500', '502', '503', '504']);
      expect(v.validateResponse(id, 503, ['an', 'array']).valid).toBe(true);
      expect(v.validateResponse(id, 502, 'Bad Gateway', 'text/plain; charset=utf-8').valid).toBe(true);
      expect(v.validateResponse(id, 504, '<html></html>', 'text/html').valid).toBe(true);
      expect(v.validateResponse(id, 418, {}).errors.join()).toMatch(/not documented/);
    }
  });

  it('refuses a 200 in a media type the spec does not declare for it', () => {
    expect(v.validateUsersBatchResponse(200, 'text', 'text/plain').errors.join()).toMatch(/media type text\/plain is not documented/);
    expect(v.validateCustomersResponse(200, customersPage, 'application/json; charset=utf-8').valid).toBe(true);
  });
});

describe('the spec against itself', () => {
  it("validates every example of every operation with the validator's own schemas", () => {
    type Examples = Record<string, { value: unknown }>;
    type Operation = {
      requestBody?: { content: Record<string, { examples?: Examples }> };
      responses: Record<string, { content?: Record<string, { examples?: Examples }> }>;
    };
    const doc = loadSpec() as { paths: Record<string, Record<string, Operation>> };
    const inputs: Record<OperationId, { pathParams?: Record<string, string> }> = {
      getUsersBatch: { pathParams: { customerId: guid, tenantId: guid } },
      getUser: { pathParams: { customerId: guid, tenantId: guid, userId: guid } },
      listCustomers: {},
    };
    for (const id of Object.keys(OPERATIONS) as OperationId[]) {
      const operation = doc.paths[OPERATIONS[id].path]![OPERATIONS[id].method]!;
      for (const example of Object.values(operation.requestBody?.content['application/json']?.examples ?? {})) {
        expect(v.validateRequest(id, { ...inputs[id], body: example.value }).errors, id).toEqual([]);
      }
      const responses = Object.entries(operation.responses).flatMap(([status, r]) =>
        Object.values(r.content?.['application/json']?.examples ?? {}).map((e) => [Number(status), e.value] as const),
      );
      expect(responses.length, id).toBeGreaterThan(0);
      for (const [status, value] of responses) expect(v.validateResponse(id, status, value).errors, id).toEqual([]);
    }
  });
});
