// Writes a reply, at once or as a slow body: headers first, then the payload in ten pieces
// spread over `slowBodyMs`, stopping quietly if the sandbox closes or the client goes away.
// The body faults that change how a real reply travels (compressed and corrupt, truncated)
// happen here too, so they apply to any reply, the real one or an injected status.
import { corruptEncoded } from './faults/corrupt-body.js';
import type { BodyEncoding } from './faults/types.js';
import type { Timers } from './timers.js';
import type { SandboxResponse } from './http/exchange.js';
import { end, serialize, type Reply } from './http/io.js';
import { bufferSource, streamBody } from './http/stream.js';

const SLOW_BODY_PIECES = 10;

export interface SendFaults {
  corruptBody?: BodyEncoding;
  /** Bytes of the body to send before the socket closes; `half` of it. */
  truncateAfter?: number | 'half';
}

export async function sendReply(
  res: SandboxResponse,
  reply: Reply,
  extraHeaders: Record<string, string>,
  slowBodyMs: number,
  timers: Timers,
  isClosed: () => boolean,
  faults: SendFaults = {},
): Promise<void> {
  const { headers, payload: plain } = serialize(reply);
  Object.assign(headers, extraHeaders);
  let payload = plain;
  if (faults.corruptBody !== undefined) {
    payload = corruptEncoded(plain ?? Buffer.alloc(0), faults.corruptBody);
    headers['content-type'] ??= 'application/json; charset=utf-8';
    headers['content-encoding'] = faults.corruptBody;
  }
  const truncateAfter = faults.truncateAfter === 'half' ? Math.floor((payload?.length ?? 0) / 2) : faults.truncateAfter;
  const slow = slowBodyMs > 0 && payload !== undefined && payload.length >= 2;
  if (!slow && truncateAfter === undefined) {
    end(res, reply.status, headers, payload);
    return;
  }
  const body = payload ?? Buffer.alloc(0);
  headers['content-length'] = String(body.length);
  res.writeHead(reply.status, headers);
  await streamBody(res, slow ? bufferSource(body, Math.ceil(body.length / SLOW_BODY_PIECES)) : bufferSource(body), {
    isClosed,
    ...(truncateAfter === undefined ? {} : { truncateAfter }),
    ...(slow ? { pause: () => timers.sleep(slowBodyMs / SLOW_BODY_PIECES) } : {}),
  });
}
