// A compressed body that breaks part way: the client's decoder accepts the first half, then
// meets data no encoder produces. gzip and deflate get a block of the reserved type 3 right after
// a sync flush (zlib: Z_DATA_ERROR "invalid block type"); brotli has no such marker at a flush,
// so one byte in the middle of the stream is flipped, at the first place its decoder refuses.
import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import type { BodyEncoding } from './types.js';

// BFINAL = 1, BTYPE = 11 (reserved): the first three bits after a byte-aligned sync flush.
const INVALID_DEFLATE_BLOCK = Buffer.from([0x07, 0xde, 0xad, 0xbe, 0xef]);
const FALLBACK = Buffer.from('{"data":[],"metadata":{"pageIndex":1,"pageSize":100,"totalCount":0}}');

export function corruptEncoded(payload: Buffer, encoding: BodyEncoding): Buffer {
  const text = payload.length >= 16 ? payload : FALLBACK;
  if (encoding !== 'br') {
    const head = text.subarray(0, Math.ceil(text.length / 2));
    const options = { finishFlush: constants.Z_SYNC_FLUSH };
    return Buffer.concat([encoding === 'gzip' ? gzipSync(head, options) : deflateSync(head, options), INVALID_DEFLATE_BLOCK]);
  }
  const compressed = brotliCompressSync(text);
  const middle = compressed.length >> 1;
  for (let k = 0; middle + k < compressed.length; k++) {
    const broken = Buffer.from(compressed);
    broken[middle + k] = (broken[middle + k] ?? 0) ^ 0xff;
    try {
      brotliDecompressSync(broken);
    } catch {
      return broken;
    }
  }
  // No single flip broke it (a tiny body): cut the stream short, which brotli refuses too.
  return compressed.subarray(0, middle);
}
