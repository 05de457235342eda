// Small helpers over a request and a response (node:http's, or the in-process ones): read a
// bounded body, answer with JSON and the headers every response carries.
import type { SandboxRequest, SandboxResponse } from './exchange.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: SandboxRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const SAFE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token (so logs correlate), a fresh UUID otherwise. */
export function requestIdOf(req: Pick<SandboxRequest, 'headers'>, fresh: () => string): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : fresh();
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string (sent as text/plain) or undefined (no body). */
  body?: unknown;
}

export function serialize(reply: Reply): { headers: Record<string, string>; payload: Buffer | undefined } {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) return { headers, payload: undefined };
  if (typeof reply.body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return { headers, payload: Buffer.from(reply.body, 'utf8') };
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return { headers, payload: Buffer.from(JSON.stringify(reply.body), 'utf8') };
}

export function jsonError(status: number, error: string, message: string, extra?: Record<string, unknown>): Reply {
  return { status, body: { error, message, ...extra } };
}

export function isJsonContentType(req: Pick<SandboxRequest, 'headers'>): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim());
}

export function end(res: SandboxResponse, status: number, headers: Record<string, string>, payload: Buffer | undefined): void {
  if (payload) headers['content-length'] = String(payload.length);
  else headers['content-length'] = '0';
  res.writeHead(status, headers);
  res.end(payload);
}
