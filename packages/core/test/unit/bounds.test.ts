// Answers no real tenant sends, over real HTTP on 127.0.0.1: each ends as a classified error with
// bounded memory, and only what a resend can cure is retried.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersClient, type UsersClient } from '../../src/index.js';

const CUSTOMER = '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07';
const TENANT = '0c7715b3-2a4b-4c5d-9e6f-f3634dcfacec';
const page = { data: [{ id: '00000000-0000-4000-8000-000000000001' }], metadata: { pageIndex: 1, pageSize: 100, totalCount: 1 } };
// 64 MB of spaces compress to about 64 KB; a client that buffers the decoded body pays it all.
const bomb = gzipSync(Buffer.concat([Buffer.from('{"data":['), Buffer.alloc(64 * 1024 * 1024, 32), Buffer.from('],"metadata":{}}')]));

type Play = (res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let play: Play;
let requests = 0;
const sentBytes: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    play(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(extra: Partial<Parameters<typeof createUsersClient>[0]> = {}): UsersClient {
  requests = 0;
  sentBytes.length = 0;
  return createUsersClient({ baseUrl, credentials: { accessToken: 'token-abcd' }, sleep: async () => undefined, ...extra });
}

/** Writes chunks until the client hangs up (or `max` bytes), counting what went out. */
function stream(res: ServerResponse, chunk: Buffer, max = Number.POSITIVE_INFINITY) {
  let sent = 0;
  const pump = () => {
    while (sent < max && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    sentBytes.push(sent);
    if (!res.destroyed) res.end();
  };
  res.on('close', () => sentBytes.push(sent));
  pump();
}

describe('bounded answers', () => {
  it('an endless 200 body ends as INVALID_RESPONSE at maxResponseBytes, not retried', async () => {
    play = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, Buffer.alloc(64 * 1024, 32));
    };
    const error = await client({ maxResponseBytes: 1024 * 1024 })
      .getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/larger than maxResponseBytes/) });
    expect(requests).toBe(1);
  });

  it('a declared content-length over the bound is refused before reading', async () => {
    play = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      stream(res, Buffer.alloc(64 * 1024, 32), 50 * 1024 * 1024);
    };
    const error = await client()
      .getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/content-length/) });
  });

  it('a gzip bomb is counted decoded and stopped early', async () => {
    play = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    };
    const error = await client()
      .getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/larger than maxResponseBytes/) });
    expect(requests).toBe(1);
  });

  it('a corrupt gzip body is INVALID_RESPONSE (decoding), not a network error, and not retried', async () => {
    play = (res) => {
      const good = gzipSync(JSON.stringify(page));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(Buffer.concat([good.subarray(0, 10), Buffer.from('this is not deflate data at all, not at all'), good.subarray(10)]));
    };
    const error = await client()
      .getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
    expect((error as Error).message).toMatch(/could not be decoded/);
    expect(requests).toBe(1);
  });

  it('a body cut short (content-length says more, then the socket closes) is a network error and retried', async () => {
    let n = 0;
    play = (res) => {
      const body = JSON.stringify(page);
      if (n++ === 0) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length + 100) });
        res.write(body.slice(0, 10));
        setImmediate(() => res.destroy());
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    };
    const result = await client().getUsersPage({ customerId: CUSTOMER, tenantId: TENANT });
    expect(result.users).toHaveLength(1);
    expect(requests).toBe(2);
  });

  it('an error keeps an excerpt of a huge error body, not all of it', async () => {
    play = (res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      stream(res, Buffer.alloc(64 * 1024, 65), 4 * 1024 * 1024);
    };
    const error = (await client({ retry: false })
      .getUsersPage({ customerId: CUSTOMER, tenantId: TENANT })
      .catch((e: unknown) => e)) as { code: string; body: string };
    expect(error.code).toBe('SERVER_ERROR');
    expect(typeof error.body).toBe('string');
    expect(error.body.length).toBeLessThanOrEqual(4100);
  });

  it('a programming error in an injected fetch is not retried as a network error', async () => {
    let calls = 0;
    const c = createUsersClient({
      baseUrl,
      credentials: { accessToken: 'token-abcd' },
      fetch: async () => {
        calls++;
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    const error = await c.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });
});
