// A tiny keyed integer hash: every field of every user is a pure function of (seed, tenant, index,
// field), so a user can be derived on demand and a million-user tenant costs no memory.

/** murmur3's finalizer: good avalanche for a 32-bit state, fast with Math.imul. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const step = (h: number, part: number): number => fmix32((h ^ (part >>> 0)) + 0x7f4a7c15);

/**
 * Hashes up to four 32-bit integers into one unsigned 32-bit integer. Fixed arity rather than
 * rest parameters: this runs ~25 times per served user, and the arrays showed in profiles.
 */
export function hash32(a: number, b?: number, c?: number, d?: number): number {
  let h = step(0x9e3779b9, a);
  if (b !== undefined) h = step(h, b);
  if (c !== undefined) h = step(h, c);
  if (d !== undefined) h = step(h, d);
  return h;
}

/** A number in [0, 1) from the same inputs. */
export function unit(a: number, b?: number, c?: number, d?: number): number {
  return hash32(a, b, c, d) / 0x1_0000_0000;
}

/** Stable 32-bit key of a string (FNV-1a), to mix names into hashes. */
export function stringKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function pick<T>(list: readonly T[], n: number): T {
  const item = list[n % list.length];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}
