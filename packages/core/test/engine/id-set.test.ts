import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/engine/index.js';

describe('IdSet', () => {
  it('answers like a Map of ID to last pass, for GUIDs and any other keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.uuid().map((u) => u.toLowerCase()), fc.constantFrom('a', 'b', 'user-1', ''), fc.string({ maxLength: 5 })), fc.integer({ min: 1, max: 4 })), {
          maxLength: 3000,
        }),
        (ops) => {
          const set = new IdSet();
          const model = new Map<string, number>();
          for (const [key, pass] of ops) {
            const seen = model.get(key);
            const expected = seen === undefined ? 'new' : seen === pass ? 'this-pass' : 'earlier-pass';
            expect(set.mark(key, pass)).toBe(expected);
            model.set(key, pass);
          }
          expect(set.size).toBe(model.size);
        },
      ),
    );
  });

  it('keeps 200,000 sequential GUIDs apart (the IDs a test double hands out)', () => {
    const set = new IdSet();
    const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    for (let i = 0; i < 200_000; i++) expect(set.mark(guid(i), 1)).toBe('new');
    for (let i = 0; i < 200_000; i += 997) expect(set.mark(guid(i), 1)).toBe('this-pass');
    expect(set.size).toBe(200_000);
  });
});
