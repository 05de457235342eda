// The response side of the in-process fetch: a ServerResponse look-alike (what exchange.ts lists)
// whose writes become a fetch Response, without a socket. What a socket would do, it does:
// - the headers resolve fetch(); destroying the response before them rejects it (a reset),
//   after them it errors the body once what was written has been read (a cut body);
// - the body streams with backpressure: a write returns false while 64 KiB wait to be read, and
//   'drain' follows, so a huge, endless or slow body costs what it costs over HTTP;
// - `content-encoding` is decoded as undici decodes it (content-decoding.ts): a bomb inflates
//   only as fast as it is read, a corrupt body fails the read;
// - the client leaving (its signal fires, it cancels the body, the decoding fails) destroys the
//   response as a closed socket would, so the sandbox stops writing.
import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import type { Transform } from 'node:stream';
import { decodingOf, NULL_BODY_STATUSES } from './content-decoding.js';
import type { SandboxResponse } from './exchange.js';
import { bodyCutOff, bodyUndecodable, connectionReset, responseRefused } from './fetch-failures.js';

/** Bytes written and not yet read before a write says "wait": about a socket's buffers. */
const HIGH_WATER_BYTES = 64 * 1024;

interface ChannelHooks {
  /** The reader cancelled the body. */
  cancelled(): void;
  /** The reader has seen the end of the body (its end, its error, or its cancel). */
  finished(): void;
}

/**
 * Bytes from the writer to a ReadableStream, pulled: the stream holds nothing itself
 * (highWaterMark 0), so the queue here is all there is, and an error is delivered only after
 * every byte written before it, as a socket delivers what it received before it closed.
 */
class BodyChannel {
  readonly readable: ReadableStream<Uint8Array>;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  /** How the body ends, once the writer (or an abort) has said. */
  private outcome: { error?: unknown } | undefined;
  /** The reader has been given the end. */
  private done = false;
  private wake: (() => void) | undefined;
  private drainListeners: Array<() => void> = [];

  constructor(
    private readonly highWaterBytes: number,
    private readonly hooks: ChannelHooks,
  ) {
    this.readable = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => this.pull(controller),
        cancel: () => {
          this.done = true;
          this.drop();
          this.outcome ??= {};
          this.wakeReader();
          hooks.cancelled();
          hooks.finished();
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** Queues a piece; false when the writer should wait for onDrain. Ignored once the end is known. */
  push(chunk: Uint8Array): boolean {
    if (this.outcome) return true;
    this.queue.push(chunk);
    this.queuedBytes += chunk.byteLength;
    this.wakeReader();
    return this.queuedBytes < this.highWaterBytes;
  }

  /** Runs once the queue is below the mark again (or the body is over). */
  onDrain(listener: () => void): void {
    if (this.done) listener();
    else this.drainListeners.push(listener);
  }

  end(): void {
    this.outcome ??= {};
    this.wakeReader();
  }

  /** Ends the body with an error, after what is queued. */
  fail(error: unknown): void {
    this.outcome ??= { error };
    this.wakeReader();
  }

  /** Ends the body with an error now, dropping what is queued (fetch's abort). */
  abort(reason: unknown): void {
    if (this.done) return;
    this.drop();
    this.outcome = { error: reason };
    this.wakeReader();
  }

  private async pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    while (this.queue.length === 0 && this.outcome === undefined) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    if (this.done) return;
    const chunk = this.queue.shift();
    if (chunk) {
      this.queuedBytes -= chunk.byteLength;
      controller.enqueue(chunk);
      if (this.queuedBytes < this.highWaterBytes) this.drained();
      return;
    }
    this.done = true;
    this.drained();
    if (this.outcome && 'error' in this.outcome) controller.error(this.outcome.error);
    else controller.close();
    this.hooks.finished();
  }

  private drop(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.drained();
  }

  private drained(): void {
    const listeners = this.drainListeners;
    this.drainListeners = [];
    for (const listener of listeners) listener();
  }

  private wakeReader(): void {
    this.wake?.();
  }
}

export interface InProcessRequestInfo {
  /** The URL asked for: the Response's `url`. */
  url: string;
  method: string;
  signal: AbortSignal;
}

export class InProcessResponse extends EventEmitter implements SandboxResponse {
  headersSent = false;
  destroyed = false;
  /** fetch()'s promise: the Response once the headers are written. */
  readonly response: Promise<Response>;
  private ended = false;
  /** The client went away: nothing it could see is left to do. */
  private clientGone = false;
  private settled = false;
  private closeEmitted = false;
  private drainAwaited = false;
  private channel: BodyChannel | undefined;
  private decoders: Transform[] = [];
  private resolveResponse!: (response: Response) => void;
  private rejectResponse!: (error: unknown) => void;
  private readonly onAbort = (): void => this.abort(this.request.signal.reason);

  constructor(private readonly request: InProcessRequestInfo) {
    super();
    this.response = new Promise<Response>((resolve, reject) => {
      this.resolveResponse = resolve;
      this.rejectResponse = reject;
    });
    if (request.signal.aborted) this.abort(request.signal.reason);
    else request.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  get writable(): boolean {
    return !this.destroyed && !this.ended;
  }

  writeHead(status: number, headers: Record<string, string>): this {
    if (this.headersSent || this.destroyed) return this;
    this.headersSent = true;
    const all = new Headers();
    for (const [name, value] of Object.entries(headers)) all.append(name, value);
    // As node:http does: the real time, whatever clock the sandbox was given.
    if (!all.has('date')) all.set('date', new Date().toUTCString());
    let body: ReadableStream<Uint8Array> | null = null;
    if (this.request.method !== 'HEAD' && !NULL_BODY_STATUSES.has(status)) {
      const decoding = decodingOf(all.get('content-encoding'));
      if ('refused' in decoding) {
        this.settle(() => this.rejectResponse(responseRefused(decoding.refused)));
        this.leave();
        return this;
      }
      const channel = new BodyChannel(HIGH_WATER_BYTES, { cancelled: () => this.leave(), finished: () => this.release() });
      this.channel = channel;
      this.decoders = decoding.decoders;
      this.decodeInto(channel);
      body = channel.readable;
    } else {
      this.release();
    }
    const response = new Response(body, { status, statusText: STATUS_CODES[status] ?? '', headers: all });
    // As fetch's responses from the network are: the URL asked for (the sandbox never
    // redirects), and type "basic" (a constructed Response says "default").
    Object.defineProperties(response, { url: { value: this.request.url }, type: { value: 'basic' } });
    this.settle(() => this.resolveResponse(response));
    return this;
  }

  write(chunk: Buffer, callback?: () => void): boolean {
    if (!this.writable) {
      // As on a closed socket: nothing goes out, the callback still runs.
      if (callback) process.nextTick(callback);
      return false;
    }
    if (!this.headersSent) this.writeHead(200, {});
    const done = (): void => callback?.();
    const channel = this.channel;
    // HEAD, a body-less status, or a client already gone: the bytes go nowhere, as node:http drops them.
    if (!channel || this.clientGone) {
      process.nextTick(done);
      return true;
    }
    const head = this.decoders[0];
    if (head) {
      // The callback waits for the decoder to take the piece, which waits for the reader.
      const ok = head.write(chunk, () => done());
      if (!ok) this.awaitDrain((listener) => head.once('drain', listener));
      return ok;
    }
    const ok = channel.push(chunk);
    // Queued is on its way: it is read before any error that follows.
    process.nextTick(done);
    if (!ok) this.awaitDrain((listener) => channel.onDrain(listener));
    return ok;
  }

  end(chunk?: Buffer): this {
    if (!this.writable) return this;
    if (chunk && chunk.length > 0) this.write(chunk);
    else if (!this.headersSent) this.writeHead(200, {});
    this.ended = true;
    const head = this.decoders[0];
    if (head) head.end();
    else this.channel?.end();
    process.nextTick(() => this.emitClose());
    return this;
  }

  flushHeaders(): void {
    // The headers went out at writeHead() already: there is no wire to hold them back.
    if (!this.headersSent) this.writeHead(200, {});
  }

  /** The sandbox closes the connection (or, through leave(), the client does). */
  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (!this.clientGone) {
      if (!this.settled) {
        this.settle(() => this.rejectResponse(connectionReset()));
        this.release();
      } else if (!this.ended) this.channel?.fail(bodyCutOff());
    }
    // After a complete body the decoders still have its end to flush; otherwise they are done.
    if (!this.ended || this.clientGone) for (const decoder of this.decoders) decoder.destroy();
    process.nextTick(() => this.emitClose());
    return this;
  }

  /** The request's signal fired: fetch() rejects with its reason, or the body errors with it. */
  private abort(reason: unknown): void {
    if (!this.settled) this.settle(() => this.rejectResponse(reason));
    else this.channel?.abort(reason);
    this.leave();
  }

  /** The client went away: the sandbox sees what a closed socket shows it. */
  private leave(): void {
    this.clientGone = true;
    this.release();
    this.destroy();
  }

  /** Nothing is left for the signal to abort: the request ended, failed, or its body was read. */
  private release(): void {
    this.request.signal.removeEventListener('abort', this.onAbort);
  }

  /** The decoders between the writes and the channel: piped, paused while the reader is behind. */
  private decodeInto(channel: BodyChannel): void {
    const [head, ...rest] = this.decoders;
    if (!head) return;
    let last = head;
    for (const next of rest) last = last.pipe(next);
    const tail = last;
    for (const decoder of this.decoders) {
      decoder.on('error', (error: unknown) => {
        // undici errors the body and drops the connection: the sandbox stops sending.
        channel.fail(bodyUndecodable(error));
        this.leave();
      });
    }
    tail.on('data', (chunk: Buffer) => {
      if (!channel.push(chunk)) {
        tail.pause();
        channel.onDrain(() => tail.resume());
      }
    });
    tail.on('end', () => channel.end());
  }

  private awaitDrain(subscribe: (listener: () => void) => void): void {
    if (this.drainAwaited) return;
    this.drainAwaited = true;
    subscribe(() => {
      this.drainAwaited = false;
      if (!this.destroyed) this.emit('drain');
    });
  }

  private settle(action: () => void): void {
    if (this.settled) return;
    this.settled = true;
    action();
  }

  private emitClose(): void {
    if (this.closeEmitted) return;
    this.closeEmitted = true;
    this.emit('close');
  }
}
