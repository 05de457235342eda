import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/engine/index.js';

describe('IdSet', () => {
  it('answers like a Map of case-folded ID to last pass, for GUIDs and any other keys', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.uuid(),
              fc.uuid().map((u) => u.toUpperCase()),
              fc.constantFrom('a', 'B', 'user-1', ''),
              fc.string({ maxLength: 5 }),
            ),
            fc.integer({ min: 1, max: 4 }),
          ),
          {
            maxLength: 3000,
          },
        ),
        (ops) => {
          const set = new IdSet();
          const model = new Map<string, number>();
          for (const [key, pass] of ops) {
            const folded = key.trim().toLowerCase();
            const seen = model.get(folded);
            const expected = seen === undefined ? 'new' : seen === pass ? 'this-pass' : 'earlier-pass';
            expect(set.mark(key, pass)).toBe(expected);
            model.set(folded, pass);
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

  it('a GUID is the same ID in either case and with spaces around it', () => {
    const set = new IdSet();
    const id = 'c2aa00d3-5b1e-4c7a-9f4e-9e9c79232bff';
    expect(set.mark(id, 1)).toBe('new');
    expect(set.mark(id.toUpperCase(), 1)).toBe('this-pass');
    expect(set.mark(` ${id} `, 2)).toBe('earlier-pass');
    expect(set.size).toBe(1);
  });
});
