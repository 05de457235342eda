// Sends the bodies that replace a users response: a huge or endless JSON page, or a compression
// bomb. Both stream with backpressure (see http/stream.ts), so the sandbox holds one block or
// the bomb's compressed form, never the body, and stops the moment the client hangs up.
import type { TenantModel } from '../data/tenancy.js';
import type { SandboxResponse } from '../http/exchange.js';
import { bufferSource, streamBody, type StreamOutcome } from '../http/stream.js';
import type { BombFactory } from './compression-bomb.js';
import { ENDLESS_CONTENT_LENGTH, hugeBodySource, type PageShape } from './huge-body.js';
import type { BodyReplacement } from './types.js';

export interface BodyFaultContext {
  bombs: BombFactory;
  /** The tenant whose users fill a huge body. */
  tenant: TenantModel;
  shape: PageShape;
  headers: Record<string, string>;
  isClosed: () => boolean;
  truncateAfter?: number | 'half';
}

/** 'half' of a body whose size is known; a fixed cut of one whose size is not. */
function cut(truncateAfter: number | 'half' | undefined, size: number | undefined): number | undefined {
  if (truncateAfter !== 'half') return truncateAfter;
  return size === undefined ? 64 * 1024 : Math.floor(size / 2);
}

export async function sendReplacementBody(
  res: SandboxResponse,
  replacement: BodyReplacement,
  ctx: BodyFaultContext,
): Promise<StreamOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...ctx.headers };
  if (replacement.kind === 'huge') {
    const size = replacement.bytes === 'endless' ? undefined : replacement.bytes;
    if (replacement.contentLength) headers['content-length'] = String(size ?? ENDLESS_CONTENT_LENGTH);
    res.writeHead(200, headers);
    const truncateAfter = cut(ctx.truncateAfter, replacement.contentLength ? size : undefined);
    return streamBody(res, hugeBodySource(ctx.tenant, ctx.shape, replacement.bytes), {
      isClosed: ctx.isClosed,
      ...(truncateAfter === undefined ? {} : { truncateAfter }),
    });
  }
  let bomb;
  try {
    bomb = await ctx.bombs.get(replacement.encoding, replacement.decompressedBytes, replacement.layers);
  } catch (error) {
    // close() stops a compression under way: that is no sandbox bug.
    if (ctx.isClosed()) return 'gone';
    throw error;
  }
  if (ctx.isClosed() || res.destroyed) return 'gone';
  headers['content-encoding'] = bomb.contentEncoding;
  headers['content-length'] = String(bomb.body.length);
  res.writeHead(200, headers);
  const truncateAfter = cut(ctx.truncateAfter, bomb.body.length);
  return streamBody(res, bufferSource(bomb.body), { isClosed: ctx.isClosed, ...(truncateAfter === undefined ? {} : { truncateAfter }) });
}
