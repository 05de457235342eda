// Writes a reply, at once or as a slow body: headers first, then the payload in ten pieces
// spread over `slowBodyMs`, stopping quietly if the sandbox closes or the client goes away.
import type { ServerResponse } from 'node:http';
import type { Timers } from '../timers.js';
import { end, serialize, type Reply } from './io.js';

const SLOW_BODY_PIECES = 10;

export async function sendReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>, slowBodyMs: number, timers: Timers, isClosed: () => boolean): Promise<void> {
  const { headers, payload } = serialize(reply);
  Object.assign(headers, extraHeaders);
  if (slowBodyMs <= 0 || !payload || payload.length < 2) {
    end(res, reply.status, headers, payload);
    return;
  }
  headers['content-length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  const size = Math.ceil(payload.length / SLOW_BODY_PIECES);
  for (let offset = 0; offset < payload.length; offset += size) {
    if (isClosed() || res.destroyed) return;
    res.write(payload.subarray(offset, offset + size));
    await timers.sleep(slowBodyMs / SLOW_BODY_PIECES);
  }
  if (!isClosed() && !res.destroyed) res.end();
}
