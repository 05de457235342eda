// The sandbox's own memory while it streams a 1 GiB body, an endless body and compression bombs
// to a client that reads (and decodes) everything. The sandbox runs in a child process so its
// RSS is its own; the child samples its peak RSS every 20 ms. Prints figures; asserts nothing.
// Usage: node bench/body-faults.mjs [GiB=1]
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress, createGunzip } from 'node:zlib';

const MiB = 1024 * 1024;

if (process.argv[2] === 'serve') {
  const { startSandbox } = await import('../dist/index.js');
  const sb = await startSandbox({ users: 1000, seed: 1 });
  let peak = 0;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
  const tokenRes = await fetch(sb.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret }),
  });
  const { access_token: token } = await tokenRes.json();
  process.on('message', (message) => {
    if (message.faults) sb.setFaults(message.faults);
    if (message.resetPeak) peak = process.memoryUsage().rss;
    process.send({ id: message.id, peak: Math.max(peak, process.memoryUsage().rss), rss: process.memoryUsage().rss });
    if (message.stop) sb.close().then(() => process.exit(0));
  });
  process.send({ url: sb.usersUrl(), token, rss: process.memoryUsage().rss });
} else {
  const gib = Number(process.argv[2] ?? 1);
  const child = fork(fileURLToPath(import.meta.url), ['serve']);
  const ready = await new Promise((resolve) => child.once('message', resolve));
  let nextId = 0;
  const ask = (message) =>
    new Promise((resolve) => {
      const id = nextId++;
      const onMessage = (reply) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        resolve(reply);
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });

  /** Reads a users response to the end (or `stopAfter` bytes), through a decoder when given. */
  const read = (decoder, stopAfter = Infinity) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(`${ready.url}?pageSize=100`, { method: 'POST', headers: { authorization: `Bearer ${ready.token}` } }, (res) => {
        let wire = 0;
        let decoded = 0;
        const finish = () =>
          resolve({ wire, decoded, seconds: (performance.now() - started) / 1000, encoding: res.headers['content-encoding'] });
        res.on('data', (chunk) => {
          wire += chunk.length;
          if (!decoder) decoded = wire;
          if (wire >= stopAfter) {
            req.destroy();
            finish();
          }
        });
        if (decoder) {
          const { input, output } = decoder();
          output.on('data', (chunk) => void (decoded += chunk.length));
          output.on('end', finish);
          output.on('error', reject);
          res.pipe(input);
        } else res.on('end', finish);
      });
      req.on('error', (e) => (stopAfter === Infinity ? reject(e) : undefined));
      req.end();
    });

  const bytes = Math.round(gib * 1024 * MiB);
  const one = (make) => () => {
    const z = make();
    return { input: z, output: z };
  };
  const twice = () => {
    const outer = createGunzip();
    return { input: outer, output: outer.pipe(createGunzip()) };
  };
  const cases = [
    ['huge body, content-length', [{ hugeBody: { bytes } }], undefined],
    ['huge body, chunked', [{ hugeBody: { bytes, contentLength: false } }], undefined],
    ['endless body, client hangs up', [{ hugeBody: { bytes: 'endless' } }], undefined, bytes],
    ['gzip bomb (first request compresses it)', [{ compressionBomb: { decompressedBytes: bytes } }], one(createGunzip)],
    ['gzip bomb (cached)', [{ compressionBomb: { decompressedBytes: bytes } }], one(createGunzip)],
    ['gzip, gzip bomb', [{ compressionBomb: { decompressedBytes: bytes, layers: 2 } }], twice],
    ['br bomb', [{ compressionBomb: { encoding: 'br', decompressedBytes: bytes } }], one(createBrotliDecompress)],
  ];
  console.log(`sandbox RSS while streaming ${gib} GiB bodies, node ${process.version}; idle RSS ${(ready.rss / MiB).toFixed(0)} MiB`);
  for (const [name, faults, decoder, stopAfter] of cases) {
    await ask({ faults, resetPeak: true });
    const result = await read(decoder, stopAfter);
    const { peak } = await ask({});
    console.log(
      `${name.padEnd(40)} wire ${(result.wire < MiB ? `${result.wire} B` : `${(result.wire / MiB).toFixed(0)} MiB`).padStart(11)}, decoded ${(result.decoded / MiB).toFixed(0).padStart(6)} MiB, ` +
        `${result.seconds.toFixed(1).padStart(5)} s, sandbox peak RSS ${(peak / MiB).toFixed(0)} MiB`,
    );
  }
  await ask({ stop: true });
}
