import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AvePointInputError,
  parseUserIdList,
  validateListUsersInput,
  validateUsersByIdsInput,
  validateUsersPageInput,
} from '../../src/protocol/index.js';

const customerId = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
const tenantId = '0c7715b3-2a4b-4c5d-9e6f-f3634dcfacec';

function inputError(fn: () => unknown): AvePointInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AvePointInputError) return error;
    throw error;
  }
  throw new Error('expected an AvePointInputError');
}

describe('validateUsersPageInput', () => {
  it('fills pageIndex 1 and an explicit pageSize', () => {
    expect(validateUsersPageInput({ customerId, tenantId })).toEqual({
      customerId,
      tenantId,
      userIds: undefined,
      pageIndex: 1,
      pageSize: 100,
    });
  });

  it.each([
    [{ customerId: 'abc', tenantId }, 'customerId', 'must be a GUID'],
    [{ customerId, tenantId: '' }, 'tenantId', 'must be a GUID'],
    [{ customerId, tenantId, pageSize: 101 }, 'pageSize', 'from 1 to 100'],
    [{ customerId, tenantId, pageSize: 0 }, 'pageSize', 'from 1 to 100'],
    [{ customerId, tenantId, pageSize: 2.5 }, 'pageSize', 'from 1 to 100'],
    [{ customerId, tenantId, pageIndex: 0 }, 'pageIndex', '>= 1'],
    [{ customerId, tenantId, userIds: ['nope'] }, 'userIds[0]', 'must be a GUID'],
    [{ customerId, tenantId, userIds: 'x' }, 'userIds', 'array'],
  ])('names the field and the rule: %j', (input, field, rule) => {
    const error = inputError(() => validateUsersPageInput(input as never));
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.rule).toContain(rule);
    expect(error.code).toBe('INPUT_INVALID');
  });

  it('accepts every valid pageSize and pageIndex, refuses every other integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -5, max: 1_000_000 }), (pageSize, pageIndex) => {
        const valid = pageSize >= 1 && pageSize <= 100 && pageIndex >= 1;
        let ok = true;
        try {
          validateUsersPageInput({ customerId, tenantId, pageSize, pageIndex });
        } catch (error) {
          expect(error).toBeInstanceOf(AvePointInputError);
          ok = false;
        }
        expect(ok).toBe(valid);
      }),
    );
  });

  it('accepts any GUID, in either case', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (id, upper) => {
        const v = upper ? id.toUpperCase() : id;
        expect(validateUsersPageInput({ customerId: v, tenantId }).customerId).toBe(v);
      }),
    );
  });
});

describe('validateListUsersInput and validateUsersByIdsInput', () => {
  it('bounds concurrency and limit', () => {
    expect(validateListUsersInput({ customerId, tenantId }).concurrency).toBe(4);
    expect(inputError(() => validateListUsersInput({ customerId, tenantId, concurrency: 17 })).field).toBe('concurrency');
    expect(inputError(() => validateListUsersInput({ customerId, tenantId, limit: 0 })).field).toBe('limit');
  });

  it('takes any number of IDs for getUsersByIds, each a GUID, case-only repeats once', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(validateUsersByIdsInput({ customerId, tenantId, userIds: ids }).userIds).toHaveLength(250);
    const repeated = [...ids, ...ids.map((id) => id.toUpperCase())];
    expect(validateUsersByIdsInput({ customerId, tenantId, userIds: repeated }).userIds).toEqual(ids);
    expect(inputError(() => validateUsersByIdsInput({ customerId, tenantId, userIds: [customerId, 'x'] })).field).toBe('userIds[1]');
  });
});

describe('parseUserIdList', () => {
  it('reads arrays and separated strings', () => {
    expect(parseUserIdList(' a, b ;c\nd  e ')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseUserIdList(['a ', '', ' b'])).toEqual(['a', 'b']);
    expect(parseUserIdList(undefined)).toEqual([]);
    expect(inputError(() => parseUserIdList(5)).field).toBe('userIds');
  });

  it('round-trips any list of GUIDs joined by commas', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 30 }), (ids) => {
        expect(parseUserIdList(ids.join(', '))).toEqual(ids);
      }),
    );
  });
});
