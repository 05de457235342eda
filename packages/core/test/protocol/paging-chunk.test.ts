import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRequestedIds, pageCount, planIdChunks, planRemainingPages, type User } from '../../src/protocol/index.js';

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
