import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectivePageSize, matchRequestedIds, pageCount, planFollowingPages, planIdChunks, planRemainingPages, type User } from '../../src/protocol/index.js';

describe('planRemainingPages', () => {
  it('plans pages 2..n from totalCount', () => {
    expect(planRemainingPages({ totalCount: 0, pageSize: 100 })).toEqual([]);
    expect(planRemainingPages({ totalCount: 100, pageSize: 100 })).toEqual([]);
    expect(planRemainingPages({ totalCount: 101, pageSize: 100 })).toEqual([2]);
    expect(planRemainingPages({ totalCount: 1000, pageSize: 100, limit: 250 })).toEqual([2, 3]);
  });

  it('covers every user exactly once for any total, page size and limit', () => {
    fc.assert(fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100 }), fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }),
      (totalCount, pageSize, limit) => {
        const pages = [1, ...planRemainingPages({ totalCount, pageSize, limit })];
        const wanted = Math.min(totalCount, limit ?? Infinity);
        const covered = pages.length * pageSize;
        expect(pages).toEqual(pages.map((_, i) => i + 1));
        expect(covered).toBeGreaterThanOrEqual(wanted);
        if (wanted > 0) expect(covered - pageSize).toBeLessThan(wanted);
        expect(pageCount(totalCount, pageSize)).toBe(Math.ceil(totalCount / pageSize));
      }));
  });
});

describe('effectivePageSize', () => {
  const first = (served: number, totalCount: number) => ({ users: Array.from({ length: served }), totalCount });
  it('reads the real page size off a full first page that is not the last', () => {
    expect(effectivePageSize(100, first(50, 1234))).toBe(50);
    expect(effectivePageSize(50, first(100, 1234))).toBe(100);
    expect(effectivePageSize(100, first(100, 1234))).toBe(100);
  });
  it('keeps the asked size when the first page holds everything or nothing', () => {
    expect(effectivePageSize(100, first(40, 40))).toBe(100);
    expect(effectivePageSize(100, first(0, 0))).toBe(100);
    expect(planRemainingPages({ totalCount: 50, pageSize: effectivePageSize(10, first(50, 50)) })).toEqual([]);
  });
  it('plans pages that cover every user exactly once whatever size the service serves', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (total, asked, served) => {
      const size = effectivePageSize(asked, first(Math.min(served, total), total));
      const pages = [1, ...planRemainingPages({ totalCount: total, pageSize: size })];
      const read = pages.map((p) => Math.max(0, Math.min(served, total - (p - 1) * served)));
      // The service pages by what it serves; the client asks the pages that size implies.
      if (served < total) expect(size).toBe(served);
      expect(read.reduce((a, b) => a + b, 0)).toBe(total);
    }));
  });
});

describe('planFollowingPages', () => {
  it('plans the pages after the first with the size the service served', () => {
    const first = { users: Array.from({ length: 50 }), totalCount: 1234 };
    expect(planFollowingPages(first, { pageSize: 100 })).toEqual({ pageSize: 50, pages: Array.from({ length: 24 }, (_, i) => i + 2) });
    expect(planFollowingPages(first, { pageSize: 100, limit: 120 })).toEqual({ pageSize: 50, pages: [2, 3] });
    expect(planFollowingPages({ users: [], totalCount: 0 }, { pageSize: 100 })).toEqual({ pageSize: 100, pages: [] });
  });
});

describe('planIdChunks', () => {
  it('de-duplicates case-insensitively, keeps order, chunks by 100', () => {
    fc.assert(fc.property(fc.array(fc.uuid(), { maxLength: 450 }), fc.integer({ min: 1, max: 100 }), (ids, size) => {
      const withDupes = [...ids, ...ids.slice(0, 20).map((id) => id.toUpperCase())];
      const { unique, chunks } = planIdChunks(withDupes, size);
      const distinct = [...new Set(ids.map((id) => id.toLowerCase()))];
      expect(unique.map((id) => id.toLowerCase())).toEqual(distinct);
      expect(chunks.flat()).toEqual(unique);
      expect(chunks.every((c) => c.length >= 1 && c.length <= size)).toBe(true);
      expect(chunks.length).toBe(Math.ceil(unique.length / size));
    }));
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
