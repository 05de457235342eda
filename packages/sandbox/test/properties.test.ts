// Properties of paging, IDs and parameter parsing, over inputs fast-check picks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageQuery, ParameterError } from '../src/api/parameters.js';
import { usersPage } from '../src/api/users-page.js';
import { guidFor, indexOfGuid } from '../src/data/guid.js';
import { buildCustomers } from '../src/data/tenancy.js';

const tenantWith = (seed: number, users: number) => {
  const tenant = buildCustomers(seed, [{ name: 'Prop', inScope: true, tenants: [{ users }] }])[0]?.tenants[0];
  if (!tenant) throw new Error('no tenant');
  return tenant;
};

describe('paging', () => {
  it('pages 1..ceil(total/size) cover every index exactly once, in order, for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 100 }), fc.nat(), (users, pageSize, seed) => {
        const tenant = tenantWith(seed, users);
        const ids: string[] = [];
        const pages = Math.ceil(users / pageSize);
        for (let pageIndex = 1; pageIndex <= pages + 1; pageIndex++) {
          const page = usersPage(tenant, { pageIndex, pageSize }, undefined, false);
          expect(page.metadata).toEqual({ pageIndex, pageSize, totalCount: users });
          if (pageIndex > pages) expect(page.data).toEqual([]);
          ids.push(...page.data.map((u) => u.id));
        }
        expect(ids).toEqual(Array.from({ length: users }, (_, i) => guidFor(tenant.key, i)));
      }),
      { numRuns: 60 },
    );
  });

  it('a userIds filter returns exactly the known IDs, sorted by index, and counts only them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (indices, pageSize) => {
          const tenant = tenantWith(3, 500);
          const ids = indices.map((i) => guidFor(tenant.key, i));
          const known = indices.filter((i) => i < 500).sort((a, b) => a - b);
          const seen: string[] = [];
          for (let pageIndex = 1; pageIndex <= Math.ceil(known.length / pageSize); pageIndex++) {
            const page = usersPage(tenant, { pageIndex, pageSize }, ids, false);
            expect(page.metadata.totalCount).toBe(known.length);
            seen.push(...page.data.map((u) => u.id));
          }
          expect(seen).toEqual(known.map((i) => guidFor(tenant.key, i)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('user IDs', () => {
  it('decode to their index for any key and index, and not under another key', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xfffffffe }), (key, other, index) => {
        const id = guidFor(key, index);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(indexOfGuid(key, id, 2 ** 32)).toBe(index);
        if (other !== key) expect(indexOfGuid(other, id, 2 ** 32)).toBeUndefined();
      }),
    );
  });
});

describe('pageIndex and pageSize', () => {
  it('accept exactly the decimal integers in range, and name the parameter otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 130 }).map(String), fc.string({ maxLength: 4 })), (raw) => {
        const query = new URLSearchParams({ pageSize: raw });
        const valid = /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 100;
        if (valid) {
          expect(parsePageQuery(query, 100).pageSize).toBe(Number(raw));
        } else {
          try {
            parsePageQuery(query, 100);
            expect.unreachable(`pageSize=${JSON.stringify(raw)} was accepted`);
          } catch (error) {
            expect(error).toBeInstanceOf(ParameterError);
            expect((error as ParameterError).parameter).toBe('pageSize');
          }
        }
      }),
    );
  });
});
