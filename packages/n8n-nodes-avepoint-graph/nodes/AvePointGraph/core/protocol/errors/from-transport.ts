// Generated from packages/core/src/protocol/errors/from-transport.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Failures below HTTP, classified where they happen: a connection that failed (retry it) is not a
// body that could not be decoded (final: resending fetches the same bytes), and neither is a bug.
import { AvePointApiError, AvePointError } from './avepoint-errors.js';

/** Connection-level failures: refused, reset, closed early, DNS, socket and connect timeouts. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ECONNREFUSED',
]);

/** The body arrived but cannot be read: corrupt compression, bad encoding, too big for a string. */
const DECODE_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_NEED_DICT', 'ERR_ENCODING_INVALID_ENCODED_DATA', 'ERR_STRING_TOO_LONG']);

export type TransportFailureKind = 'network' | 'decode';

const codeOf = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** Walks the error and its causes (and an AggregateError's errors) for a code we know. */
export function classifyTransportFailure(error: unknown): TransportFailureKind | undefined {
  const queue: unknown[] = [error];
  for (let steps = 0; steps < 12 && queue.length > 0; steps++) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null) continue;
    const code = codeOf(e);
    if (code !== undefined && DECODE_CODES.has(code)) return 'decode';
    // zlib's own codes (Z_*), and brotli's, which Node names ERR__ERROR_* (BROTLI_DECODER_ERROR_*).
    if (code !== undefined && (code.startsWith('Z_') || code.startsWith('ERR_ZLIB') || code.startsWith('ERR__ERROR_'))) return 'decode';
    if (code !== undefined && NETWORK_CODES.has(code)) return 'network';
    if (e instanceof RangeError && /string length|string longer/i.test(e.message)) return 'decode';
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  // undici reports every connection failure as "fetch failed", and a body cut off as "terminated".
  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) return 'network';
  return undefined;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown }).cause);
  return code !== undefined && !error.message.includes(code) ? `${error.message}: ${code}` : error.message;
}

/**
 * The error to report for a failure of the request to `url`: NETWORK_ERROR (retryable) for the
 * connection, INVALID_RESPONSE (final) for an undecodable body, or undefined for anything else
 * (ours, the host's, a bug): the caller rethrows that unchanged.
 */
export function transportErrorOf(error: unknown, url: string, status?: number): AvePointError | undefined {
  if (error instanceof AvePointError) return error;
  const kind = classifyTransportFailure(error);
  const origin = originOf(url);
  if (kind === 'network')
    return new AvePointError('NETWORK_ERROR', `Could not reach ${origin} (${describeCause(error)})`, { cause: error });
  if (kind === 'decode') {
    return new AvePointApiError('INVALID_RESPONSE', `The response from ${origin} could not be decoded (${describeCause(error)})`, {
      status: status ?? 200,
      cause: error,
    });
  }
  return undefined;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** An answer past the size bound: final (resending fetches the same), and named so it can be raised. */
export function responseTooLarge(url: string, status: number, limit: number, seen: string): AvePointApiError {
  return new AvePointApiError(
    'INVALID_RESPONSE',
    `The response from ${originOf(url)} is larger than maxResponseBytes (${limit} bytes; ${seen}); a page of 100 users is about 60 KB`,
    { status },
  );
}
