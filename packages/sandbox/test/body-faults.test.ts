// Bodies that misbehave, over real HTTP: huge, endless, compression bombs, corrupt and truncated.
// Read with node:http (no automatic decoding) to see exactly what the sandbox sent, and with
// fetch where a client's decoder should be the one that fails.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource, streamBody } from '../src/http/stream.js';
import { startSandbox, type Sandbox } from '../src/index.js';
import { contract, secretToken } from './helpers.js';

let sb: Sandbox;
let token: string;
const errors: unknown[] = [];

beforeAll(async () => {
  sb = await startSandbox({ users: 200, seed: 8, onError: (e) => void errors.push(e) });
  token = await secretToken(sb);
});
afterEach(() => {
  sb.setFaults([]);
  // No fault here is a sandbox bug, however the client leaves.
  expect(errors).toEqual([]);
});
afterAll(() => sb.close());

interface Raw {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Bytes received in all (the body may be cut to `keep`). */
  received: number;
  /** How the body ended: 'end', 'hung-up' (the test stopped reading), or the error seen. */
  ending: string;
}

/** POSTs a users request and reads the raw body: at most `keep` bytes kept, hang up after `stopAfter`. */
function rawUsers(
  query = 'pageSize=10',
  options: { keep?: number; stopAfter?: number; s?: Sandbox; t?: string; onData?: () => void } = {},
): Promise<Raw> {
  const { keep = 4 * 1024 * 1024, stopAfter = Infinity, s = sb, t = token, onData } = options;
  return new Promise((resolve, reject) => {
    const req = request(`${s.usersUrl()}?${query}`, { method: 'POST', headers: { authorization: `Bearer ${t}` } }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let received = 0;
      const done = (ending: string) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), received, ending });
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        onData?.();
        if (kept < keep) {
          chunks.push(chunk.subarray(0, keep - kept));
          kept += Math.min(chunk.length, keep - kept);
        }
        if (received >= stopAfter) {
          req.destroy();
          done('hung-up');
        }
      });
      res.on('end', () => done('end'));
      res.on('error', (e) => done(e.message));
      res.on('aborted', () => done('aborted'));
    });
    req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
    req.end();
  });
}

/** Pipes a raw response through a decoder; counts what comes out, keeps its first and last bytes. */
function decodeStream(
  query: string,
  decoder: () => NodeJS.ReadWriteStream,
): Promise<{ headers: IncomingMessage['headers']; compressed: number; decoded: number; head: string; tail: string; error?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sb.usersUrl()}?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }, (res) => {
      let compressed = 0;
      let decoded = 0;
      let head = '';
      let tail = '';
      res.on('data', (c: Buffer) => void (compressed += c.length));
      const d = decoder();
      d.on('data', (c: Buffer) => {
        decoded += c.length;
        if (head.length < 64) head += c.toString('latin1', 0, 64);
        tail = (tail + c.toString('latin1', Math.max(0, c.length - 128))).slice(-128);
      });
      d.on('end', () => resolve({ headers: res.headers, compressed, decoded, head, tail }));
      d.on('error', (e: NodeJS.ErrnoException) =>
        resolve({ headers: res.headers, compressed, decoded, head, tail, error: e.code ?? e.message }),
      );
      res.pipe(d);
      // A body cut short ends the decoder's input too: it then reports what it was missing.
      res.on('error', () => {});
      res.on('close', () => {
        if (!res.complete) d.end();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hugeBody', () => {
  it('sends exactly N bytes of valid JSON with content-length: real-looking users, then metadata', async () => {
    sb.setFaults([{ match: { first: 1 }, hugeBody: { bytes: 3_000_000 } }]);
    const res = await rawUsers('pageIndex=2&pageSize=10', { keep: Infinity });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('3000000');
    expect(res.body.length).toBe(3_000_000);
    const page = JSON.parse(res.body.toString('utf8')) as { data: Array<{ id: string }>; metadata: unknown };
    expect(page.data.length).toBeGreaterThan(1000);
    expect(page.metadata).toEqual({ pageIndex: 2, pageSize: 10, totalCount: 200 });
    expect(page.data[0]).toEqual(sb.userAt(0, 0, 0));
    // Valid per the spec but for its size: a page holds at most 100 users (the spec's maxItems).
    expect(contract.validateUsersBatchResponse(200, page).errors).toEqual(['response/data must NOT have more than 100 items']);
    // The next request is served normally.
    expect((await rawUsers()).body.length).toBeLessThan(10_000);
  });

  it('without content-length it is chunked, and still exact', async () => {
    sb.setFaults([{ hugeBody: { bytes: 1_500_000, contentLength: false } }]);
    const res = await rawUsers('pageSize=10', { keep: Infinity });
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.length).toBe(1_500_000);
    expect(() => JSON.parse(res.body.toString('utf8'))).not.toThrow();
  });

  it("'endless' streams until the client hangs up; the sandbox carries on", async () => {
    sb.setFaults([{ match: { first: 2 }, hugeBody: { bytes: 'endless' } }]);
    const withLength = await rawUsers('pageSize=10', { keep: 64, stopAfter: 30_000_000 });
    expect(withLength.ending).toBe('hung-up');
    expect(withLength.headers['content-length']).toBe(String(Number.MAX_SAFE_INTEGER));
    expect(withLength.body.toString('latin1')).toMatch(/^\{"data":\[\{"id":"/);
    sb.setFaults([{ hugeBody: { bytes: 'endless', contentLength: false } }]);
    const chunked = await rawUsers('pageSize=10', { keep: 64, stopAfter: 10_000_000 });
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    sb.setFaults([]);
    expect((await rawUsers()).status).toBe(200);
  });

  it("'endless' stops when the sandbox closes: the reader sees the body end early", async () => {
    const own = await startSandbox({ users: 5, faults: [{ hugeBody: { bytes: 'endless', contentLength: false } }] });
    const t = await secretToken(own);
    let started!: () => void;
    const firstBytes = new Promise<void>((resolve) => (started = resolve));
    const reading = rawUsers('pageSize=10', { keep: 0, s: own, t, stopAfter: 1e12, onData: () => started() });
    await firstBytes;
    await own.close();
    const res = await reading;
    expect(res.ending).not.toBe('end');
    expect(res.received).toBeGreaterThan(0);
  });

  it('refuses a size below 1 KiB, and typos', () => {
    expect(() => sb.setFaults([{ hugeBody: { bytes: 10 } }])).toThrow(/hugeBody\.bytes/);
    expect(() => sb.setFaults([{ hugeBody: { bytes: 'forever' as 'endless' } }])).toThrow(/hugeBody\.bytes/);
    expect(() => sb.setFaults([{ hugeBody: { bytes: 5000, contentlength: false } as never }])).toThrow(
      /hugeBody\.contentlength is not a field/,
    );
    expect(() => sb.setFaults([{ hugBody: { bytes: 5000 } } as never])).toThrow(/faults\[0\]\.hugBody is not a field/);
    expect(() => sb.setFaults([{ hugeBody: { bytes: 5000 }, status: 500 }])).toThrow(/cannot be combined with status/);
  });
});

describe('streaming stops when the client goes away', () => {
  it('streamBody returns "gone" (no error, no hang) once the client hangs up mid-body', async () => {
    let pulled = 0;
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let outcome: Promise<string> | undefined;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      outcome = streamBody(res, () => (pulled++, piece), { isClosed: () => false });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => {
            n += c.length;
            if (n > 5_000_000) {
              req.destroy();
              resolve();
            }
          });
        });
        req.on('error', () => {});
        req.end();
      });
      expect(await outcome).toBe('gone');
      // It read on only as far as the socket buffers let it: a few MB past what the client took.
      expect(pulled * piece.length).toBeLessThan(5_000_000 + 64 * 1024 * 1024);
    } finally {
      server.close();
    }
  });

  it('bufferSource hands out a buffer in pieces, then undefined', () => {
    const next = bufferSource(Buffer.from('abcdefg'), 3);
    expect([next(), next(), next(), next()].map((b) => b?.toString())).toEqual(['abc', 'def', 'g', undefined]);
  });
});

describe('compressionBomb', () => {
  const MB64 = 64 * 1024 * 1024;

  it('gzip: ~64 KB that inflates to 64 MiB of JSON whitespace, with content-length', async () => {
    sb.setFaults([{ compressionBomb: { decompressedBytes: MB64 } }]);
    const res = await decodeStream('pageSize=10', createGunzip);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.compressed);
    expect(res.compressed).toBeLessThan(MB64 / 1000);
    expect(res.decoded).toBe(MB64);
    expect(res.head).toMatch(/^\{"data":\[ +/);
    expect(res.tail).toMatch(/ +\],"metadata":\{"pageIndex":1,"pageSize":100,"totalCount":0\}\}$/);
    expect(res.error).toBeUndefined();
  });

  it('deflate and br too; br is far smaller', async () => {
    sb.setFaults([{ compressionBomb: { encoding: 'deflate', decompressedBytes: MB64 } }]);
    const deflate = await decodeStream('pageSize=10', createInflate);
    expect(deflate.headers['content-encoding']).toBe('deflate');
    expect(deflate.decoded).toBe(MB64);
    sb.setFaults([{ compressionBomb: { encoding: 'br', decompressedBytes: MB64 } }]);
    const br = await decodeStream('pageSize=10', createBrotliDecompress);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.decoded).toBe(MB64);
    expect(br.compressed).toBeLessThan(2048);
  });

  it('layers: 2 sends `gzip, gzip` (a few hundred bytes), which fetch decodes all the way', async () => {
    sb.setFaults([{ compressionBomb: { decompressedBytes: MB64, layers: 2 } }]);
    const raw = await rawUsers();
    expect(raw.headers['content-encoding']).toBe('gzip, gzip');
    expect(raw.body.length).toBeLessThan(4096);
    const res = await fetch(`${sb.usersUrl()}?pageSize=10`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    let decoded = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) decoded += chunk.length;
    expect(decoded).toBe(MB64);
  });

  it('a client that stops reading mid-bomb leaves the sandbox fine', async () => {
    sb.setFaults([{ match: { first: 1 }, compressionBomb: { decompressedBytes: MB64 } }]);
    const res = await rawUsers('pageSize=10', { stopAfter: 10 });
    expect(res.ending).toBe('hung-up');
    expect((await rawUsers()).status).toBe(200);
  });

  it('close() stops a compression under way, quietly', async () => {
    const quiet: unknown[] = [];
    const own = await startSandbox({
      users: 5,
      onError: (e) => void quiet.push(e),
      faults: [{ compressionBomb: { decompressedBytes: 16 * 1024 ** 3 } }],
    });
    const t = await secretToken(own);
    const pending = fetch(own.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${t}` } }).catch((error: unknown) => error);
    // The 200 is counted just before the bomb is asked for: from then on it is compressing.
    while (own.stats().byStatus[200] !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(quiet).toEqual([]);
  });

  it('refuses sizes out of range and unknown encodings', () => {
    expect(() => sb.setFaults([{ compressionBomb: { decompressedBytes: 17 * 1024 ** 3 } }])).toThrow(/decompressedBytes/);
    expect(() => sb.setFaults([{ compressionBomb: { encoding: 'zstd' as 'br' } }])).toThrow(/encoding/);
    expect(() => sb.setFaults([{ compressionBomb: { layers: 3 as 2 } }])).toThrow(/layers/);
  });
});

describe('corruptBody', () => {
  for (const [encoding, decoder, code] of [
    ['gzip', createGunzip, 'Z_DATA_ERROR'],
    ['deflate', createInflate, 'Z_DATA_ERROR'],
    ['br', createBrotliDecompress, /^ERR_/],
  ] as const) {
    it(`${encoding}: the real page, compressed; the decoder fails part way`, async () => {
      sb.setFaults([{ corruptBody: { encoding } }]);
      const res = await decodeStream('pageSize=50', decoder);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.error).toMatch(code);
    });
  }

  it('fetch reports the decoding error (Z_DATA_ERROR) while reading the body', async () => {
    sb.setFaults([{ corruptBody: {} }]);
    const res = await fetch(`${sb.usersUrl()}?pageSize=50`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const error = await res.text().then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error?.cause?.code).toBe('Z_DATA_ERROR');
  });
});

describe('truncateBody', () => {
  it('announces the whole body, sends half of it, then closes the socket', async () => {
    sb.setFaults([{ truncateBody: {} }]);
    const res = await rawUsers('pageSize=20', { keep: Infinity });
    const announced = Number(res.headers['content-length']);
    expect(announced).toBeGreaterThan(1000);
    expect(res.received).toBe(Math.floor(announced / 2));
    expect(res.ending).not.toBe('end');
  });

  it('afterBytes: exactly that many bytes, even 0; fetch fails with "terminated"', async () => {
    sb.setFaults([{ truncateBody: { afterBytes: 100 } }]);
    expect((await rawUsers('pageSize=20', { keep: Infinity })).received).toBe(100);
    sb.setFaults([{ truncateBody: { afterBytes: 0 } }]);
    const none = await rawUsers('pageSize=20', { keep: Infinity });
    expect(none.status).toBe(200);
    expect(none.received).toBe(0);
    sb.setFaults([{ truncateBody: {} }]);
    const res = await fetch(`${sb.usersUrl()}?pageSize=20`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await expect(res.text()).rejects.toThrow(/terminated/);
  });

  it('also cuts an injected status, a bomb (gunzip: unexpected end of file) and a token response', async () => {
    sb.setFaults([{ status: 503, truncateBody: { afterBytes: 5 } }]);
    const status = await rawUsers('pageSize=20', { keep: Infinity });
    expect([status.status, status.received]).toEqual([503, 5]);
    sb.setFaults([{ compressionBomb: { decompressedBytes: 1024 * 1024 }, truncateBody: {} }]);
    expect((await decodeStream('pageSize=10', createGunzip)).error).toBe('Z_BUF_ERROR');
    sb.setFaults([{ match: { path: 'token' }, truncateBody: { afterBytes: 10 } }]);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret });
    const tokenRes = await fetch(sb.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    await expect(tokenRes.text()).rejects.toThrow(/terminated/);
  });
});
