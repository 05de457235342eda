// The churn order against the obvious model (an array of serials), over histories fast-check picks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserOrder } from '../src/data/user-order.js';

type Op = { kind: 'insert'; at: number } | { kind: 'remove'; at: number } | { kind: 'move'; from: number; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
);

describe('UserOrder', () => {
  it('agrees with an array model on every position and every serial, after any history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(op, { maxLength: 80 }), fc.nat(), (users, ops, seed) => {
        const order = new UserOrder(users, seed);
        const model = Array.from({ length: users }, (_, i) => i);
        let next = users;
        for (const o of ops) {
          if (o.kind === 'insert') {
            const at = o.at % (model.length + 1);
            order.insert(at, next);
            model.splice(at, 0, next++);
          } else if (model.length > 0) {
            const from = (o.kind === 'remove' ? o.at : o.from) % model.length;
            const serial = order.remove(from);
            expect(serial).toBe(model.splice(from, 1)[0]);
            if (o.kind === 'move') {
              const to = o.to % (model.length + 1);
              order.insert(to, serial);
              model.splice(to, 0, serial);
            }
          }
          expect(order.size).toBe(model.length);
        }
        const copy = order.clone();
        for (const o of [order, copy]) {
          expect(Array.from({ length: model.length }, (_, p) => o.serialAt(p))).toEqual(model);
          for (let serial = 0; serial < next + 2; serial++) {
            const at = model.indexOf(serial);
            expect(o.positionOf(serial)).toBe(at === -1 ? undefined : at);
          }
        }
        // A delete splits a run in two; an insert adds a piece and may split one; a move does both.
        expect(order.pieces).toBeLessThanOrEqual(1 + 3 * ops.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a clone does not follow later changes', () => {
    const order = new UserOrder(10, 1);
    const copy = order.clone();
    order.remove(0);
    order.insert(5, 10);
    expect(copy.size).toBe(10);
    expect(Array.from({ length: 10 }, (_, p) => copy.serialAt(p))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(copy.positionOf(10)).toBeUndefined();
  });

  it('refuses positions outside the order and a serial already in it', () => {
    const order = new UserOrder(3, 1);
    expect(() => order.serialAt(3)).toThrow(RangeError);
    expect(() => order.remove(-1)).toThrow(RangeError);
    expect(() => order.insert(4, 9)).toThrow(RangeError);
    expect(() => order.insert(0, 2)).toThrow(/already/);
  });

  it('holds a 10,000,000-user tenant with thousands of operations in a few thousand pieces', () => {
    const order = new UserOrder(10_000_000, 7);
    const model = new Map<number, true>();
    let next = 10_000_000;
    for (let i = 0; i < 3000; i++) {
      const x = (i * 2_654_435_761) % order.size;
      if (i % 3 === 0) {
        order.insert(x, next);
        model.set(next++, true);
      } else if (i % 3 === 1) order.remove(x);
      else order.insert((x * 7) % order.size, order.remove(x));
    }
    expect(order.size).toBe(10_000_000);
    expect(order.pieces).toBeLessThanOrEqual(1 + 3 * 3000);
    for (const serial of model.keys()) expect(order.serialAt(order.positionOf(serial)!)).toBe(serial);
    for (let p = 0; p < 10_000_000; p += 99_991) expect(order.positionOf(order.serialAt(p))).toBe(p);
  });
});
