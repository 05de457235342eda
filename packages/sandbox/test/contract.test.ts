// The contract validator itself: it must accept what the spec allows and refuse what it does not,
// or every other "validated against the spec" claim in the kit is empty.
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../src/contract/index.js';

const v = createContractValidator();
const guid = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
const user = {
  id: 'c2aa00d3-5b1e-4b7a-9d3c-9e9c79232bff',
  displayName: 'Kevin Mark',
  status: [0, 1],
  isTestUser: false,
  age: 12,
  startDate: '1970-01-01T00:00:00Z',
  mobile: null,
};
const ok = { data: [user], metadata: { pageIndex: 1, pageSize: 50, totalCount: 1 } };

describe('validateUsersBatchResponse', () => {
  it('accepts the documented sample, status as a bare integer, and nulls', () => {
    expect(v.validateUsersBatchResponse(200, ok)).toEqual({ valid: true, errors: [] });
    expect(v.validateUsersBatchResponse(200, { ...ok, data: [{ ...user, status: 3 }] }).valid).toBe(true);
  });

  it('refuses a page without metadata, a status code outside 0..8, a user without id, and wrong types', () => {
    const cases: unknown[] = [
      { data: [user] },
      { ...ok, data: [{ ...user, status: [9] }] },
      { ...ok, data: [{ ...user, status: 9 }] },
      { ...ok, data: [{ displayName: 'no id' }] },
      { ...ok, data: [{ ...user, isTestUser: 'no' }] },
      { ...ok, metadata: { pageIndex: 0, pageSize: 50, totalCount: 1 } },
      { ...ok, metadata: { pageIndex: 1, pageSize: 50, totalCount: -1 } },
      [],
    ];
    for (const body of cases) {
      const result = v.validateUsersBatchResponse(200, body);
      expect(result.valid, JSON.stringify(body)).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('accepts any error body on documented errors, and refuses undocumented statuses', () => {
    expect(v.validateUsersBatchResponse(400, { error: 'invalid_parameter', parameter: 'pageSize' }).valid).toBe(true);
    expect(v.validateUsersBatchResponse(503, 'down').valid).toBe(true);
    expect(v.validateUsersBatchResponse(418, {}).valid).toBe(false);
    expect(v.documentedStatuses).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429', '500', '503']));
  });
});

describe('validateUsersBatchRequest', () => {
  const pathParams = { customerId: guid, tenantId: guid };

  it('accepts a full request, query values as strings or numbers, and no body', () => {
    expect(v.validateUsersBatchRequest({ pathParams, query: { pageIndex: '2', pageSize: 100 }, body: { userIds: [guid] } })).toEqual({
      valid: true,
      errors: [],
    });
    expect(v.validateUsersBatchRequest({ pathParams, query: new URLSearchParams('pageSize=1') }).valid).toBe(true);
    expect(v.validateUsersBatchRequest({ pathParams }).valid).toBe(true);
  });

  it('names what is wrong', () => {
    const errorsOf = (input: Parameters<typeof v.validateUsersBatchRequest>[0]) => v.validateUsersBatchRequest(input).errors.join('\n');
    expect(errorsOf({ pathParams, query: { pageSize: 101 } })).toMatch(/query\.pageSize/);
    expect(errorsOf({ pathParams, query: { pageSize: 'ten' } })).toMatch(/query\.pageSize/);
    expect(errorsOf({ pathParams, query: { pageIndex: 0 } })).toMatch(/query\.pageIndex/);
    expect(errorsOf({ pathParams, query: { page_size: 10 } })).toMatch(/query\.page_size is not a parameter/);
    expect(errorsOf({ pathParams, query: new URLSearchParams('pageSize=1&pageSize=2') })).toMatch(/repeated/);
    expect(errorsOf({ pathParams: { customerId: 'abc', tenantId: guid } })).toMatch(/path\.customerId/);
    expect(errorsOf({ pathParams: { customerId: guid } })).toMatch(/path\.tenantId is required/);
    expect(errorsOf({ pathParams, body: { userIds: ['x'] } })).toMatch(/body\/userIds\/0/);
    expect(errorsOf({ pathParams, body: { userIds: [guid, guid] } })).toMatch(/duplicate/);
    expect(errorsOf({ pathParams, body: { userIds: guid } })).toMatch(/body\/userIds/);
  });
});

describe('the spec against itself', () => {
  it("validates every example of the operation with the validator's own schemas", async () => {
    const { loadSpec, USERS_BATCH_PATH } = await import('../src/contract/index.js');
    const doc = loadSpec() as {
      paths: Record<
        string,
        {
          post: {
            requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> };
            responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;
          };
        }
      >;
    };
    const operation = doc.paths[USERS_BATCH_PATH]!.post;
    const requestExamples = Object.values(operation.requestBody.content['application/json']!.examples);
    expect(requestExamples.length).toBeGreaterThan(0);
    for (const example of requestExamples) {
      expect(v.validateUsersBatchRequest({ pathParams: { customerId: guid, tenantId: guid }, body: example.value }).errors).toEqual([]);
    }
    const responseExamples = Object.entries(operation.responses).flatMap(([status, r]) =>
      Object.values(r.content?.['application/json']?.examples ?? {}).map((e) => [Number(status), e.value] as const),
    );
    expect(responseExamples.length).toBeGreaterThan(0);
    for (const [status, value] of responseExamples) expect(v.validateUsersBatchResponse(status, value).errors).toEqual([]);
  });
});
