// Failures below HTTP (refused or reset connections, DNS, timeouts) as AvePointError with a code,
// so callers can tell "the service said no" (AvePointApiError) from "we never got an answer".
import { AvePointError } from '../protocol/index.js';

/** Errors a retry may cure: anything the transport threw, except our own verdicts. */
export function isTransportError(error: unknown): boolean {
  if (error instanceof AvePointError) return error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT';
  return true;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message}: ${code}` : error.message;
}

export function toTransportError(error: unknown, url: string, retries: number): AvePointError {
  if (error instanceof AvePointError) return error;
  const after = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  return new AvePointError('NETWORK_ERROR', `Could not reach ${new URL(url).origin}${after} (${describeCause(error)})`, { cause: error });
}

export function timeoutError(url: string, timeoutMs: number): AvePointError {
  return new AvePointError('TIMEOUT', `No complete answer from ${new URL(url).origin} within ${timeoutMs} ms`);
}
