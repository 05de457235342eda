// A 200 whose body is huge or never ends, and still looks like the users page it claims to be:
// `{"data":[` then real users, again and again, then `],"metadata":{...}}`. A block of users is
// serialized once and repeated, so any size costs the sandbox one block and a socket buffer;
// a body of a given size is padded to the exact byte with JSON whitespace after the document.
import type { TenantModel } from '../data/tenancy.js';
import { deriveUser } from '../data/users.js';
import type { BodySource } from '../http/stream.js';

const BLOCK_USERS = 64;
/** Pieces of about this size are written: big enough to be cheap, small enough to stop promptly. */
const PIECE_BYTES = 256 * 1024;
/** What an endless body announces when it sends a content-length: the largest exact integer. */
export const ENDLESS_CONTENT_LENGTH = Number.MAX_SAFE_INTEGER;

export interface PageShape {
  pageIndex: number;
  pageSize: number;
  totalCount: number;
}

/** The body as pieces: exactly `bytes` bytes, or forever. */
export function hugeBodySource(tenant: TenantModel, shape: PageShape, bytes: number | 'endless'): BodySource {
  const head = Buffer.from('{"data":[');
  const tail = Buffer.from(`],"metadata":${JSON.stringify(shape)}}`);
  const users = Array.from({ length: BLOCK_USERS }, (_, i) => JSON.stringify(deriveUser(tenant, i))).join(',');
  const block = Buffer.from(users);
  // Several blocks per piece, each one after a comma: `,u,u,...` repeated.
  const repeats = Math.max(1, Math.floor(PIECE_BYTES / (block.length + 1)));
  const piece = Buffer.concat(Array.from({ length: repeats }, () => [Buffer.from(','), block]).flat());

  if (bytes === 'endless') {
    let started = false;
    return () => {
      if (started) return piece;
      started = true;
      return Buffer.concat([head, block]);
    };
  }

  // Plan the exact size: head, as many `,block`s as fit, tail, then spaces.
  const fixed = head.length + tail.length;
  const firstBlock = bytes - fixed >= block.length;
  let left = bytes - fixed - (firstBlock ? block.length : 0);
  let state: 'head' | 'blocks' | 'tail' | 'pad' | 'done' = 'head';
  const spaces = Buffer.alloc(PIECE_BYTES, 0x20);
  return () => {
    switch (state) {
      case 'head':
        state = 'blocks';
        return firstBlock ? Buffer.concat([head, block]) : head;
      case 'blocks': {
        if (firstBlock && left >= piece.length) {
          left -= piece.length;
          return piece;
        }
        const whole = firstBlock ? Math.floor(left / (block.length + 1)) : 0;
        state = 'tail';
        if (whole > 0) {
          left -= whole * (block.length + 1);
          return piece.subarray(0, whole * (block.length + 1));
        }
        return Buffer.alloc(0);
      }
      case 'tail':
        state = left > 0 ? 'pad' : 'done';
        return tail;
      case 'pad': {
        const n = Math.min(left, spaces.length);
        left -= n;
        if (left === 0) state = 'done';
        return spaces.subarray(0, n);
      }
      default:
        return undefined;
    }
  };
}
