// Compression bombs: a small body that decompresses to a huge JSON document (`{"data":[`, then
// whitespace, then the metadata), the way a broken or hostile upstream could answer. Each
// (encoding, size, layers) is compressed once, on first use, by streaming one reused buffer of
// spaces through the compressor (on libuv's thread pool, so the sandbox keeps serving); only the
// compressed form is kept: about 1 MB per GiB for gzip and deflate (their ~1030:1 ceiling),
// under 2 KB per GiB for brotli or two layers of gzip.
import {
  constants,
  createBrotliCompress,
  createDeflate,
  createGzip,
  gzipSync,
  deflateSync,
  brotliCompressSync,
  type BrotliCompress,
  type Deflate,
  type Gzip,
} from 'node:zlib';
import type { BodyEncoding } from './types.js';

const HEAD = Buffer.from('{"data":[');
const TAIL = Buffer.from('],"metadata":{"pageIndex":1,"pageSize":100,"totalCount":0}}');
const SPACES = Buffer.alloc(1024 * 1024, 0x20);
/** Bombs kept per sandbox; the oldest goes first. At 16 GiB of gzip one is 16 MB. */
const CACHED_BOMBS = 4;

export interface Bomb {
  body: Buffer;
  /** The `content-encoding` header: `gzip`, or `gzip, gzip` for two layers. */
  contentEncoding: string;
  decompressedBytes: number;
}

function compressor(encoding: BodyEncoding, sizeHint: number): Compressor {
  if (encoding === 'gzip') return createGzip({ level: 9 });
  if (encoding === 'deflate') return createDeflate({ level: 9 });
  // Quality 5 is within a few bytes of 11 on whitespace, and about twenty times faster.
  return createBrotliCompress({
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: Math.min(sizeHint, 2 ** 30) },
  });
}

type Compressor = Gzip | Deflate | BrotliCompress;

async function compressBomb(encoding: BodyEncoding, bytes: number, active: Set<Compressor>): Promise<Buffer> {
  const z = compressor(encoding, bytes);
  active.add(z);
  const out: Buffer[] = [];
  z.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
    z.on('close', () => reject(new Error('the sandbox closed while compressing a bomb')));
  });
  // Settled here too, so a close() mid-compression is not an unhandled rejection.
  done.catch(() => {});
  const write = async (chunk: Buffer): Promise<void> => {
    if (z.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        z.off('drain', done);
        z.off('close', done);
        resolve();
      };
      z.on('drain', done);
      z.on('close', done);
    });
  };
  try {
    await write(HEAD);
    for (let left = bytes - HEAD.length - TAIL.length; left > 0 && !z.destroyed; left -= SPACES.length) {
      await write(left >= SPACES.length ? SPACES : SPACES.subarray(0, left));
    }
    z.end(TAIL);
    await done;
    return Buffer.concat(out);
  } finally {
    active.delete(z);
  }
}

function compressAgain(encoding: BodyEncoding, body: Buffer): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  if (encoding === 'deflate') return deflateSync(body, { level: 9 });
  return brotliCompressSync(body);
}

export class BombFactory {
  private readonly cache = new Map<string, Promise<Bomb>>();
  private readonly active = new Set<Compressor>();

  get(encoding: BodyEncoding, decompressedBytes: number, layers: 1 | 2): Promise<Bomb> {
    const key = `${encoding}/${decompressedBytes}/${layers}`;
    let bomb = this.cache.get(key);
    if (!bomb) {
      bomb = compressBomb(encoding, decompressedBytes, this.active).then((once) => ({
        body: layers === 2 ? compressAgain(encoding, once) : once,
        contentEncoding: layers === 2 ? `${encoding}, ${encoding}` : encoding,
        decompressedBytes,
      }));
      // A failed compression must not stay cached.
      bomb.catch(() => this.cache.delete(key));
      this.cache.set(key, bomb);
      for (const old of this.cache.keys()) {
        if (this.cache.size <= CACHED_BOMBS) break;
        this.cache.delete(old);
      }
    }
    return bomb;
  }

  /** Stops any compression under way (a 16 GiB bomb takes half a minute), so close() frees the process at once. */
  close(): void {
    for (const z of this.active) z.destroy();
    this.active.clear();
    this.cache.clear();
  }
}
