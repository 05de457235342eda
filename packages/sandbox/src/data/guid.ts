// GUIDs that carry the index they were made from, so `userIds` lookups are O(ids) with no map:
// the last 8 hex digits hold the index through an invertible 32-bit scramble keyed per tenant
// (so neighbours do not look sequential), the rest is a hash that proves the ID was issued by
// this tenant (a forged or foreign ID decodes to an index whose re-encoding differs).
import { hash32 } from './hash.js';

// Byte-to-hex table: toString(16) + padStart was the top entry of the data generator's profile.
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex8 = (n: number): string =>
  `${BYTE_HEX[(n >>> 24) & 255]}${BYTE_HEX[(n >>> 16) & 255]}${BYTE_HEX[(n >>> 8) & 255]}${BYTE_HEX[n & 255]}`;
/** The last `digits` hex digits of n. */
const hex = (n: number, digits: number): string => (digits === 8 ? hex8(n) : hex8(n).slice(8 - digits));

const ODD = 0x2c1b3c6d;
// The multiplicative inverse of ODD modulo 2^32 (Newton's iteration doubles the correct bits).
const ODD_INVERSE = (() => {
  let x = ODD;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(ODD, x));
  return x >>> 0;
})();

function scramble(index: number, mask: number): number {
  const x = Math.imul((index ^ mask) >>> 0, ODD) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function unscramble(value: number, mask: number): number {
  const x = (value ^ (value >>> 16)) >>> 0;
  return ((Math.imul(x, ODD_INVERSE) >>> 0) ^ mask) >>> 0;
}

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A version-4-shaped GUID derived from a key and an index. */
export function guidFor(key: number, index: number): string {
  const a = hash32(key, index, 1);
  const b = hash32(key, index, 2);
  const c = hash32(key, index, 3);
  const mask = hash32(key, 0xfeed);
  return [
    hex(a, 8),
    hex(b >>> 16, 4),
    `4${hex(b, 3)}`,
    `${hex(8 | (c >>> 30), 1)}${hex(c, 3)}`,
    `${hex(c >>> 12, 4)}${hex(scramble(index, mask), 8)}`,
  ].join('-');
}

/** The index a GUID was made from with `guidFor(key, ·)`, or undefined when it was not. */
export function indexOfGuid(key: number, guid: string, count: number): number | undefined {
  if (!GUID_PATTERN.test(guid)) return undefined;
  const mask = hash32(key, 0xfeed);
  const index = unscramble(Number.parseInt(guid.slice(-8), 16), mask);
  if (index >= count) return undefined;
  return guidFor(key, index) === guid.toLowerCase() ? index : undefined;
}
