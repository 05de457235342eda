// The IDs a listing has yielded, to yield each user at most once. A million-user export keeps a
// million IDs: as strings in a Set that is about 80 MB, so GUIDs (every ID the API family uses)
// are kept as their 128 bits in open-addressing tables, about 25 bytes an ID. The tables are
// sharded so that growing one copies 1/64 of the set, not all of it: no doubling spike in RSS.
// Anything that is not a GUID falls back to a Map, exact either way.

const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
const INITIAL_SLOTS = 64;
const MAX_LOAD = 0.8;
const GUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
   * Records that `pass` (1..255) saw the ID `key` (already case-folded by the caller) and says
   * whether it was new, known from an earlier pass, or a repeat within this pass.
   */
  mark(key: string, pass: number): MarkResult {
    if (!GUID_KEY.test(key)) return this.markOther(key, pass);
    const a = parseInt(key.slice(0, 8), 16) >>> 0;
    const b = parseInt(key.slice(9, 13) + key.slice(14, 18), 16) >>> 0;
    const c = parseInt(key.slice(19, 23) + key.slice(24, 28), 16) >>> 0;
    const d = parseInt(key.slice(28, 36), 16) >>> 0;
    const hash = mix(a, b, c, d);
    const shard = this.shards[hash >>> (32 - SHARD_BITS)]!;
    const slots = shard.passes.length;
    for (let slot = hash & (slots - 1); ; slot = (slot + 1) & (slots - 1)) {
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

  private markOther(key: string, pass: number): MarkResult {
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
    const slots = passes.length * 2;
    const next = newShard(slots);
    for (let old = 0; old < passes.length; old++) {
      const pass = passes[old]!;
      if (pass === 0) continue;
      const at = old * 4;
      const a = words[at]!;
      const b = words[at + 1]!;
      const c = words[at + 2]!;
      const d = words[at + 3]!;
      let slot = mix(a, b, c, d) & (slots - 1);
      while (next.passes[slot] !== 0) slot = (slot + 1) & (slots - 1);
      next.words.set(words.subarray(at, at + 4), slot * 4);
      next.passes[slot] = pass;
    }
    shard.words = next.words;
    shard.passes = next.passes;
  }
}
