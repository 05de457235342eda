// Node's fetch (undici) decodes `content-encoding` itself: a client reads the decoded bytes, a
// corrupt body fails while it is read, and a bomb inflates as it is read. The in-process fetch
// decodes the same way, so a client's bounded reading meets there what it meets over HTTP. The
// rules are undici's (lib/web/fetch/index.js, onHeaders): codings undone last first, lenient
// flushing, a body with any unknown coding is left as sent, more than five codings are refused.
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** undici refuses a response with more stacked codings than this (its fix for decompression chains). */
export const MAX_CONTENT_CODINGS = 5;

/** Statuses whose responses have no body (fetch's "null body status"; a Response cannot be 1xx). */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

// Z_SYNC_FLUSH on finish, as undici (and curl) do: a stream that stops early is not an error by
// itself (a cut connection is, and says so). The sandbox's deflate is zlib-wrapped; undici also
// takes raw deflate, which the sandbox never sends.
const zlibFlush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const DECODERS: ReadonlyMap<string, () => Transform> = new Map([
  ['gzip', () => createGunzip(zlibFlush)],
  ['x-gzip', () => createGunzip(zlibFlush)],
  ['deflate', () => createInflate(zlibFlush)],
  ['br', () => createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH })],
]);

export type Decoding = { decoders: Transform[] } | { refused: string };

export function decodingOf(contentEncoding: string | null): Decoding {
  const codings = contentEncoding ? contentEncoding.toLowerCase().split(',') : [];
  if (codings.length > MAX_CONTENT_CODINGS) {
    return { refused: `too many content-encodings in response: ${codings.length}, maximum allowed is ${MAX_CONTENT_CODINGS}` };
  }
  const makers = codings.map((coding) => DECODERS.get(coding.trim())).reverse();
  const known = makers.filter((make): make is () => Transform => make !== undefined);
  if (known.length < makers.length) return { decoders: [] };
  return { decoders: known.map((make) => make()) };
}
