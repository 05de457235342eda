import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectivePageSize, matchRequestedIds, pageCount, planIdChunks, type User } from '../../src/protocol/index.js';
import { itemsDueOnPage } from '../../src/protocol/pages.js';

describe('pageCount and itemsDueOnPage', () => {
  it('cover every item exactly once for any total and page size', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100 }), (totalCount, pageSize) => {
        const pages = pageCount(totalCount, pageSize);
        expect(pages).toBe(Math.ceil(totalCount / pageSize));
        let sum = 0;
        for (let p = 1; p <= pages + 1; p++) sum += itemsDueOnPage(totalCount, pageSize, p);
        expect(sum).toBe(totalCount);
        expect(itemsDueOnPage(totalCount, pageSize, pages + 1)).toBe(0);
      }),
    );
  });
  it('plan nothing for an empty collection', () => {
    expect(pageCount(0, 100)).toBe(0);
    expect(itemsDueOnPage(0, 100, 1)).toBe(0);
  });
});

describe('effectivePageSize', () => {
  const page = (served: number, totalCount: number) => ({ items: Array.from({ length: served }), totalCount });
  it('reads the real page size off a full first page that is not the last', () => {
    expect(effectivePageSize(100, page(50, 1234))).toBe(50);
    expect(effectivePageSize(50, page(100, 1234))).toBe(100);
    expect(effectivePageSize(100, page(100, 1234))).toBe(100);
  });
  it('keeps the asked size when the first page holds everything or nothing', () => {
    expect(effectivePageSize(100, page(40, 40))).toBe(100);
    expect(effectivePageSize(100, page(0, 0))).toBe(100);
    expect(effectivePageSize(10, page(50, 50))).toBe(50);
  });
  it('reads it off a later page too (a resumed listing starts there)', () => {
    // Page 7 of 1234 by 100 is due 100 users; a service on 50 per page sends 50.
    expect(effectivePageSize(100, page(50, 1234), 7)).toBe(50);
    // The last page is short by nature: nothing to learn from it.
    expect(effectivePageSize(100, page(34, 1234), 13)).toBe(100);
  });
  it('pages by what the service serves: every item once, whatever it serves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (total, asked, served) => {
          const size = effectivePageSize(asked, page(Math.min(served, total), total));
          if (served < total) expect(size).toBe(served);
          let read = 0;
          for (let p = 1; p <= pageCount(total, size); p++) read += itemsDueOnPage(total, served, p);
          expect(read).toBe(total);
        },
      ),
    );
  });
});

describe('planIdChunks', () => {
  it('de-duplicates case-insensitively, keeps order, chunks by 100', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 450 }), fc.integer({ min: 1, max: 100 }), (ids, size) => {
        const withDupes = [...ids, ...ids.slice(0, 20).map((id) => id.toUpperCase())];
        const { unique, chunks } = planIdChunks(withDupes, size);
        const distinct = [...new Set(ids.map((id) => id.toLowerCase()))];
        expect(unique.map((id) => id.toLowerCase())).toEqual(distinct);
        expect(chunks.flat()).toEqual(unique);
        expect(chunks.every((c) => c.length >= 1 && c.length <= size)).toBe(true);
        expect(chunks.length).toBe(Math.ceil(unique.length / size));
      }),
    );
  });
});

describe('matchRequestedIds', () => {
  const user = (id: string): User => ({ id, status: [] });
  it('answers in the order asked and reports the missing IDs', () => {
    const result = matchRequestedIds(['B', 'a', 'c', 'b'], [user('a'), user('b')]);
    expect(result.users.map((u) => u.id)).toEqual(['b', 'a']);
    expect(result.notFound).toEqual(['c']);
  });
});
