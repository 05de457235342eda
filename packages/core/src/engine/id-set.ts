// The IDs a listing has yielded, to yield each user at most once. A million-user export keeps a
// million IDs: as strings in a Set that is about 80 MB, so GUIDs (every ID the API family uses)
// are kept as their 128 bits in open-addressing tables, about 24 bytes an ID. The tables are
// sharded so that growing one copies 1/64 of the set, not all of it: no doubling spike in RSS.
// Anything that is not a GUID falls back to a Map, exact either way.

const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
const INITIAL_SLOTS = 64;
// Grown by half, not doubled, at 85% full: the tables run 57-85% full, about 24 bytes an ID.
const MAX_LOAD = 0.85;
const GROWTH = 1.5;

/** A slot from a 32-bit hash, for any table size (multiply, not mask: sizes are not powers of 2). */
const slotOf = (hash: number, slots: number): number => Math.floor((hash / 4294967296) * slots);

/** Hex digit values by character code (either case), -1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

/**
 * 32 bits of a GUID's hex: `count` digits from `at`, then (for the 4-4 groups) 4 more from `then`.
 * -1 when a character is not a hex digit (the key is then kept as a string).
 */
function hexWord(key: string, at: number, count: number, then = 0): number {
  let word = 0;
  for (let i = 0; i < 8; i++) {
    const code = key.charCodeAt(i < count ? at + i : then + i - count);
    const digit = code < 128 ? HEX[code]! : -1;
    if (digit < 0) return -1;
    word = word * 16 + digit;
  }
  return word >>> 0;
}

const dashesAt = (key: string): boolean =>
  key.charCodeAt(8) === 45 && key.charCodeAt(13) === 45 && key.charCodeAt(18) === 45 && key.charCodeAt(23) === 45;

/** What marking an ID found: never seen, seen in an earlier pass, or already seen in this pass. */
export type MarkResult = 'new' | 'earlier-pass' | 'this-pass';

interface Shard {
  /** Four 32-bit words per slot. */
  words: Uint32Array;
  /** 0: empty slot; otherwise the last pass (1..255) that saw the ID. */
  passes: Uint8Array;
  size: number;
}

const newShard = (slots: number): Shard => ({ words: new Uint32Array(slots * 4), passes: new Uint8Array(slots), size: 0 });

function mix(a: number, b: number, c: number, d: number): number {
  let h = a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdSet {
  private readonly shards: Shard[] = Array.from({ length: SHARDS }, () => newShard(INITIAL_SLOTS));
  private readonly others = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Records that `pass` (1..255) saw the ID `key` and says whether it was new, known from an earlier
   * pass, or a repeat within this pass. IDs compare case-insensitively, around whitespace too.
   */
  mark(key: string, pass: number): MarkResult {
    // One pass over the characters: a million IDs per export, so no regex, slices, parseInt or
    // case folding for a GUID (its hex digits read the same in either case).
    if (key.length !== 36) return this.markOther(key, pass);
    const a = hexWord(key, 0, 8);
    const b = hexWord(key, 9, 4, 14);
    const c = hexWord(key, 19, 4, 24);
    const d = hexWord(key, 28, 8);
    if (a < 0 || b < 0 || c < 0 || d < 0 || !dashesAt(key)) return this.markOther(key, pass);
    const hash = mix(a, b, c, d);
    const shard = this.shards[hash & (SHARDS - 1)]!;
    const slots = shard.passes.length;
    for (let slot = slotOf(hash, slots); ; slot = slot + 1 === slots ? 0 : slot + 1) {
      const seen = shard.passes[slot]!;
      const at = slot * 4;
      if (seen === 0) {
        shard.words[at] = a;
        shard.words[at + 1] = b;
        shard.words[at + 2] = c;
        shard.words[at + 3] = d;
        shard.passes[slot] = pass;
        shard.size++;
        this.count++;
        if (shard.size > slots * MAX_LOAD) this.grow(shard);
        return 'new';
      }
      const w = shard.words;
      if (w[at] === a && w[at + 1] === b && w[at + 2] === c && w[at + 3] === d) {
        shard.passes[slot] = pass;
        return seen === pass ? 'this-pass' : 'earlier-pass';
      }
    }
  }

  private markOther(raw: string, pass: number): MarkResult {
    const key = raw.trim().toLowerCase();
    // A GUID with spaces around it is still that GUID.
    if (key.length === 36 && key !== raw) return this.mark(key, pass);
    const seen = this.others.get(key);
    this.others.set(key, pass);
    if (seen === undefined) {
      this.count++;
      return 'new';
    }
    return seen === pass ? 'this-pass' : 'earlier-pass';
  }

  private grow(shard: Shard): void {
    const { words, passes } = shard;
    const slots = Math.ceil(passes.length * GROWTH);
    const next = newShard(slots);
    for (let old = 0; old < passes.length; old++) {
      const pass = passes[old]!;
      if (pass === 0) continue;
      const at = old * 4;
      const a = words[at]!;
      const b = words[at + 1]!;
      const c = words[at + 2]!;
      const d = words[at + 3]!;
      let slot = slotOf(mix(a, b, c, d), slots);
      while (next.passes[slot] !== 0) slot = slot + 1 === slots ? 0 : slot + 1;
      next.words.set(words.subarray(at, at + 4), slot * 4);
      next.passes[slot] = pass;
    }
    shard.words = next.words;
    shard.passes = next.passes;
  }
}
