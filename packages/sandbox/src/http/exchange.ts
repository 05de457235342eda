// What the sandbox's request handling reads of a request and writes to a response. node:http's
// IncomingMessage and ServerResponse have all of it; so do the in-process request and response
// (in-process-fetch.ts), which is how one handler serves both a socket and a fetch call. Keep
// these to what the handler, the body faults and the recorder use: every member is one the
// in-process side must imitate.
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest extends AsyncIterable<Buffer> {
  readonly method?: string | undefined;
  /** The path and query string, as on the request line. */
  readonly url?: string | undefined;
  /** Lower-case names, repeated headers joined with `, `. */
  readonly headers: IncomingHttpHeaders;
  /** Destroying it is a connection reset: the client gets no answer, or the rest of none. */
  /** `resetAndDestroy` sends a TCP RST (a real reset); `destroy` alone closes with a FIN. */
  readonly socket: { destroy(): void; resetAndDestroy?(): void };
}

export interface SandboxResponse {
  /** True once writeHead() was called. */
  readonly headersSent: boolean;
  /** True once destroyed: by the sandbox (a reset, a cut body, close()) or because the client left. */
  readonly destroyed: boolean;
  /** False once ended or destroyed. */
  readonly writable: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  /** False asks the writer to wait for 'drain'; the callback runs once the piece is on its way. */
  write(chunk: Buffer, callback?: () => void): boolean;
  end(chunk?: Buffer): unknown;
  /** Sends the headers now, even before any of the body. */
  flushHeaders(): void;
  destroy(): unknown;
  on(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
  listenerCount(event: 'error'): number;
}
