// Writes a body piece by piece with backpressure, so a huge or endless body costs the sandbox a
// socket buffer, not the body: it waits for 'drain' after each full buffer and stops as soon as
// the client hangs up or the sandbox closes. A client going away mid-body is normal here, not an
// error.
import type { SandboxResponse } from './exchange.js';

/** The next piece of a body, or undefined at its end. */
export type BodySource = () => Buffer | undefined;

export type StreamOutcome = 'ended' | 'gone' | 'truncated';

export interface StreamOptions {
  isClosed: () => boolean;
  /** Send at most this many bytes, then close the socket (the truncated-body fault). */
  truncateAfter?: number;
  /** Waits between pieces (slow bodies); none when absent. */
  pause?: () => Promise<void>;
}

/** Resolves on 'drain', or when the response closes (the client left): never hangs a loop. */
function drained(res: SandboxResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const gone = (res: SandboxResponse, isClosed: () => boolean): boolean => isClosed() || res.destroyed || !res.writable;

/** Resolves once what was written so far has gone to the kernel (or the client left). */
function flushed(res: SandboxResponse, last: Buffer): Promise<void> {
  return new Promise((resolve) => {
    res.once('close', () => resolve());
    if (last.length > 0) {
      res.write(last, () => resolve());
      return;
    }
    // Nothing of the body: the headers alone must still go out before the socket closes.
    res.flushHeaders();
    setImmediate(resolve);
  });
}

/** Writes the pieces after the headers (already set on `res`); ends, or closes the socket when truncated. */
export async function streamBody(res: SandboxResponse, next: BodySource, options: StreamOptions): Promise<StreamOutcome> {
  // A socket error while the client hangs up is the client's business, not a sandbox bug.
  if (res.listenerCount('error') === 0) res.on('error', () => {});
  let sent = 0;
  const limit = options.truncateAfter ?? Infinity;
  for (let piece = next(); piece !== undefined; piece = next()) {
    if (gone(res, options.isClosed)) return 'gone';
    if (piece.length === 0) continue;
    if (sent + piece.length >= limit) {
      await flushed(res, piece.subarray(0, limit - sent));
      // Everything written has reached the kernel: closing now delivers it, then EOF.
      res.destroy();
      return 'truncated';
    }
    sent += piece.length;
    if (!res.write(piece)) await drained(res);
    if (options.pause) await options.pause();
  }
  if (gone(res, options.isClosed)) return 'gone';
  if (limit !== Infinity) {
    // A cut at or past the end of the body: still no end of message.
    await flushed(res, Buffer.alloc(0));
    res.destroy();
    return 'truncated';
  }
  res.end();
  return 'ended';
}

/** A buffer as a body source of `pieceBytes` pieces. */
export function bufferSource(payload: Buffer, pieceBytes = 64 * 1024): BodySource {
  let offset = 0;
  return () => {
    if (offset >= payload.length) return undefined;
    const piece = payload.subarray(offset, offset + pieceBytes);
    offset += piece.length;
    return piece;
  };
}
