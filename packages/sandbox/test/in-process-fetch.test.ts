// The in-process fetch on its own: its origin and options, what it shares with a listening
// sandbox, closing, aborts, the injected clock and sleep, the Response it builds, backpressure,
// and undici's decoding rules. in-process-parity.test.ts holds it to HTTP's answers.
import { afterEach, describe, expect, it } from 'vitest';
import { decodingOf } from '../src/http/content-decoding.js';
import { InProcessResponse } from '../src/http/in-process-response.js';
import { IN_PROCESS_ORIGIN, startSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

const started: Sandbox[] = [];
async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox({ users: 50, listen: false, ...options });
  started.push(sb);
  return sb;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sb) => sb.close()));
});

async function tokenOf(sb: Sandbox, fetchImpl: typeof fetch = sb.fetch): Promise<string> {
  const res = await fetchImpl(sb.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function usersCall(sb: Sandbox, token: string, init: RequestInit = {}): Promise<Response> {
  return sb.fetch(`${sb.usersUrl()}?pageSize=5`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
    ...init,
  });
}

/** A sleep that resolves only when the test says, recording what was asked. */
function heldSleep() {
  const waits: Array<{ ms: number; release: () => void }> = [];
  return {
    waits,
    sleep: (ms: number) => new Promise<void>((resolve) => waits.push({ ms, release: resolve })),
    async next(): Promise<{ ms: number; release: () => void }> {
      for (let i = 0; i < 100 && waits.length === 0; i++) await new Promise((r) => setImmediate(r));
      const wait = waits.shift();
      if (!wait) throw new Error('the sandbox did not sleep');
      return wait;
    },
  };
}

describe('startSandbox({ listen: false })', () => {
  it('opens no socket and names the non-routable origin everywhere', async () => {
    const sb = await sandbox();
    expect(sb.baseUrl).toBe(IN_PROCESS_ORIGIN);
    expect(IN_PROCESS_ORIGIN).toBe('https://sandbox.invalid');
    expect(sb.tokenUrl).toBe('https://sandbox.invalid/connect/token');
    expect(sb.usersUrl()).toMatch(
      /^https:\/\/sandbox\.invalid\/partner\/external\/v3\/um\/customers\/[0-9a-f-]{36}\/tenants\/[0-9a-f-]{36}\/users\/batch$/,
    );
    const discovery = (await (await sb.fetch(`${sb.baseUrl}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: IN_PROCESS_ORIGIN, token_endpoint: sb.tokenUrl });
  });

  it('refuses a port or a host, which would mean nothing', async () => {
    await expect(startSandbox({ listen: false, port: 4010 })).rejects.toThrow(new RangeError('port has no meaning with listen: false'));
    await expect(startSandbox({ listen: false, host: '127.0.0.1' })).rejects.toThrow(
      new RangeError('host has no meaning with listen: false'),
    );
  });

  it('takes a URL, a string, a Request, and a Request with an init', async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    const init = { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' };
    const url = `${sb.usersUrl()}?pageSize=2`;
    for (const res of [
      await sb.fetch(url, init),
      await sb.fetch(new URL(url), init),
      await sb.fetch(new Request(url, init)),
      await sb.fetch(new Request(url), init),
    ]) {
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(2);
    }
  });
});

describe('a listening sandbox', () => {
  it('answers in process on its own origin too, one sandbox for both', async () => {
    const sb = await sandbox({ listen: true });
    expect(sb.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const overHttp = await tokenOf(sb, fetch);
    // A token from one door opens the other: same token store, same stats, same recorder.
    const res = await usersCall(sb, overHttp);
    expect(res.status).toBe(200);
    const viaHttp = await fetch(`${sb.usersUrl()}?pageSize=5`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(sb)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(viaHttp.status).toBe(200);
    expect(await viaHttp.text()).toBe(await res.text());
    expect(sb.stats()).toMatchObject({ tokenRequests: 2, apiRequests: 2 });
    expect(sb.requests().map((r) => r.endpoint)).toEqual(['token', 'users', 'token', 'users']);
  });
});

describe('what is not the sandbox', () => {
  it('another origin does not resolve, and the sandbox sees nothing', async () => {
    const sb = await sandbox();
    const error = (await sb.fetch('https://graph.example.test/connect/token').catch((e: unknown) => e)) as TypeError;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('fetch failed');
    expect(error.cause).toMatchObject({ code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'graph.example.test' });
    // http: of the same host is another origin too.
    await expect(sb.fetch('http://sandbox.invalid/connect/token')).rejects.toMatchObject({ cause: { code: 'ENOTFOUND' } });
    expect(sb.stats()).toMatchObject({ tokenRequests: 0, apiRequests: 0 });
    expect(sb.requests()).toEqual([]);
  });

  it('after close() the connection is refused', async () => {
    const sb = await sandbox();
    await sb.close();
    await expect(sb.fetch(sb.tokenUrl)).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('close() cuts a request still waiting (a reset) and a body under way (terminated)', async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    sb.setFaults([
      { match: { path: 'users', first: 1 }, latencyMs: 60_000 },
      { match: { path: 'users' }, hugeBody: { bytes: 'endless' } },
    ]);
    const waiting = usersCall(sb, token);
    const streaming = await usersCall(sb, token);
    const reader = streaming.body!.getReader();
    await reader.read();
    await sb.close();
    await expect(waiting).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    const cut = await (async () => {
      for (;;) await reader.read();
    })().catch((e: unknown) => e);
    expect(cut).toMatchObject({ message: 'terminated', cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' } });
  });
});

describe('the injected clock and sleep', () => {
  it('latency and slow bodies wait on the injected sleep, in pieces', async () => {
    const held = heldSleep();
    const sb = await sandbox({ sleep: held.sleep });
    const token = await tokenOf(sb);
    sb.setFaults([{ match: { path: 'users' }, latencyMs: 250, slowBodyMs: 100 }]);
    let answered = false;
    const pending = usersCall(sb, token).then((res) => ((answered = true), res));
    const latency = await held.next();
    expect(latency.ms).toBe(250);
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    latency.release();
    const res = await pending;
    const reader = res.body!.getReader();
    const pieces: number[] = [];
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        pieces.push(value.byteLength);
      }
    })();
    const pauses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const pause = await held.next();
      pauses.push(pause.ms);
      pause.release();
    }
    await reading;
    expect(pauses).toEqual(Array.from({ length: 10 }, () => 10));
    expect(pieces.length).toBe(10);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(Number(res.headers.get('content-length')));
  });

  it('token expiry follows the injected clock; the date header is the real time, as over HTTP', async () => {
    let now = Date.parse('2030-01-02T03:04:05Z');
    const sb = await sandbox({ clock: () => now, tokenTtlSeconds: 60 });
    const token = await tokenOf(sb);
    const first = await usersCall(sb, token);
    expect(first.status).toBe(200);
    expect(Math.abs(Date.parse(first.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
    now += 61_000;
    const later = await usersCall(sb, token);
    expect(later.status).toBe(401);
    expect(later.headers.get('www-authenticate')).toContain('expired');
  });
});

describe('a sandbox bug', () => {
  it('answers 500 in process too, and goes to onError', async () => {
    let broken = false;
    const errors: unknown[] = [];
    const sb = await sandbox({
      clock: () => {
        if (broken) throw new Error('clock exploded');
        return Date.now();
      },
      onError: (error) => void errors.push(error),
    });
    const token = await tokenOf(sb);
    broken = true;
    const res = await usersCall(sb, token);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'sandbox_bug' });
    expect(errors.map((e) => (e as Error).message)).toEqual(['clock exploded']);
    broken = false;
    expect((await usersCall(sb, token)).status).toBe(200);
  });
});

describe('aborts', () => {
  it('a signal already aborted rejects with its reason, and nothing is sent', async () => {
    const sb = await sandbox();
    const reason = new Error('not now');
    await expect(sb.fetch(sb.tokenUrl, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(sb.requests()).toEqual([]);
  });

  it('while the sandbox waits, fetch rejects with the reason, and the sandbox serves on', async () => {
    const held = heldSleep();
    const sb = await sandbox({ sleep: held.sleep });
    const token = await tokenOf(sb);
    sb.setFaults([{ match: { path: 'users', first: 1 }, latencyMs: 1000 }]);
    const controller = new AbortController();
    const pending = usersCall(sb, token, { signal: controller.signal });
    const latency = await held.next();
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    latency.release();
    // The sandbox went on to answer a client that had left: nothing reached anyone, nothing broke.
    const next = await usersCall(sb, token);
    expect(next.status).toBe(200);
  });

  it('mid-body, reading rejects with the reason; after the body, an abort changes nothing', async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    sb.setFaults([{ match: { path: 'users', first: 1 }, hugeBody: { bytes: 'endless' } }]);
    const controller = new AbortController();
    const endless = await usersCall(sb, token, { signal: controller.signal });
    const reader = endless.body!.getReader();
    await reader.read();
    controller.abort(new Error('enough'));
    await expect(reader.read()).rejects.toThrow('enough');
    const done = new AbortController();
    const whole = await usersCall(sb, token, { signal: done.signal });
    const body = await whole.json();
    done.abort(new Error('late'));
    expect(body).toMatchObject({ metadata: { pageSize: 5 } });
  });

  it('the client cancelling an endless body stops it: the sandbox serves on', async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    sb.setFaults([{ match: { path: 'users', first: 1 }, hugeBody: { bytes: 'endless' } }]);
    const endless = await usersCall(sb, token);
    const reader = endless.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect((await usersCall(sb, token)).status).toBe(200);
  });
});

describe('the Response', () => {
  it('looks like one from the network: url, type, statusText, headers; HEAD has no body', async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    const res = await usersCall(sb, token, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'mine-1' },
    });
    expect(res).toMatchObject({
      status: 200,
      statusText: 'OK',
      ok: true,
      redirected: false,
      type: 'basic',
      url: `${sb.usersUrl()}?pageSize=5`,
    });
    expect(res.headers.get('x-request-id')).toBe('mine-1');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBe((await res.arrayBuffer()).byteLength);
    const head = await sb.fetch(sb.userUrl(0, 0, 1), { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it("the sandbox sees the headers Node's fetch adds: its user agent unless the caller set one", async () => {
    const sb = await sandbox();
    const token = await tokenOf(sb);
    await usersCall(sb, token, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'user-agent': 'my-app/1.0' },
    });
    expect(sb.requests().map((r) => r.headers)).toEqual([
      { contentType: 'application/x-www-form-urlencoded;charset=UTF-8', userAgent: 'node' },
      { contentType: 'application/json', userAgent: 'my-app/1.0', authorizationScheme: 'Bearer' },
    ]);
    expect(sb.requests()[0]?.form).toEqual({ grant_type: 'client_credentials', client_id: sb.clientId });
  });
});

describe('backpressure', () => {
  const info = () => ({ url: 'https://sandbox.invalid/x', method: 'GET', signal: new AbortController().signal });

  it('a write says "wait" once 64 KiB are unread, and drains as the reader reads', async () => {
    const res = new InProcessResponse(info());
    res.writeHead(200, {});
    const response = await res.response;
    const piece = Buffer.alloc(16 * 1024, 0x20);
    const answers = Array.from({ length: 4 }, () => res.write(piece));
    expect(answers).toEqual([true, true, true, false]);
    let drained = false;
    res.on('drain', () => (drained = true));
    const reader = response.body!.getReader();
    await reader.read();
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(true);
    res.end();
    let bytes = 16 * 1024;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    expect(bytes).toBe(64 * 1024);
  });

  it('a compressed body inflates only as it is read, and cancelling it closes the response', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = new InProcessResponse(info());
    res.writeHead(200, { 'content-encoding': 'gzip' });
    const response = await res.response;
    let accepted = false;
    // 64 MiB of spaces in ~64 KiB: unread, the decoder holds back and the write does not complete
    // (inflating all of it takes well under the wait).
    res.write(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), () => (accepted = true));
    res.end();
    await new Promise((r) => setTimeout(r, 300));
    expect(accepted).toBe(false);
    const reader = response.body!.getReader();
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    expect(bytes).toBe(64 * 1024 * 1024);
    expect(accepted).toBe(true);

    const again = new InProcessResponse(info());
    again.writeHead(200, { 'content-encoding': 'gzip' });
    let closed = false;
    again.on('close', () => (closed = true));
    again.write(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    await (await again.response).body!.cancel();
    await new Promise((r) => setImmediate(r));
    expect(again.destroyed).toBe(true);
    expect(closed).toBe(true);
  });
});

describe("decoding, by undici's rules", () => {
  it('undoes codings last first, leaves an unknown one as sent, refuses more than five', () => {
    const layers = decodingOf('deflate, GZIP');
    expect('decoders' in layers && layers.decoders.map((d) => d.constructor.name)).toEqual(['Gunzip', 'Inflate']);
    expect(decodingOf('gzip, zstd-or-whatever')).toEqual({ decoders: [] });
    expect(decodingOf(null)).toEqual({ decoders: [] });
    expect(decodingOf('constructor')).toEqual({ decoders: [] });
    expect(decodingOf('gzip,gzip,gzip,gzip,gzip,gzip')).toEqual({
      refused: 'too many content-encodings in response: 6, maximum allowed is 5',
    });
  });
});
