// Requests per second for a 100-user page over keep-alive on 127.0.0.1, so we know the sandbox is
// not the bottleneck of the client's benchmarks. Prints figures; asserts nothing.
// Usage: node bench/users-page.mjs [seconds=3] [concurrency=1,8]
// Client and server share this process (and the machine's cores), so the figures are a floor.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../dist/index.js';

const seconds = Number(process.argv[2] ?? 3);
const levels = (process.argv[3] ?? '1,8').split(',').map(Number);
if (!(seconds > 0 && seconds <= 60) || levels.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 64))) {
  console.error('usage: node bench/users-page.mjs [seconds 0-60] [concurrency list, each 1-64]');
  process.exit(2);
}

const sb = await startSandbox({ users: 100_000, seed: 1 });
const tokenRes = await fetch(sb.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sb.clientId,
    client_secret: sb.clientSecret,
    scope: 'elements.um.user.read.all',
  }),
});
const { access_token: token } = await tokenRes.json();
const url = new URL(sb.usersUrl());

function post(agent, pageIndex) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}?pageIndex=${pageIndex}&pageSize=100`,
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '2' },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

async function run(concurrency, quiet = false) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let bytes = 0;
  let page = 1;
  const deadline = performance.now() + (quiet ? 1000 : seconds * 1000);
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const received = await post(agent, (page++ % 1000) + 1);
      bytes += received;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  if (quiet) return;
  console.log(
    `concurrency ${String(concurrency).padStart(2)}: ${(latencies.length / elapsed).toFixed(0).padStart(6)} req/s, ` +
      `${((latencies.length * 100) / elapsed).toFixed(0)} users/s, ${(bytes / latencies.length / 1024).toFixed(1)} KiB/page, ` +
      `latency p50 ${pct(50)} ms p99 ${pct(99)} ms (${latencies.length} requests in ${elapsed.toFixed(1)} s)`,
  );
}

console.log(`sandbox users batch, 100-user pages, keep-alive, 127.0.0.1, node ${process.version}`);
await run(1, true); // one silent second to warm up the JIT
for (const level of levels) await run(level);
// Token issuance (client secret), one connection: how fast a client that refreshes often is served.
{
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sb.clientId,
    client_secret: sb.clientSecret,
    scope: 'elements.um.user.read.all',
  }).toString();
  const tokenPath = new URL(sb.tokenUrl).pathname;
  let issued = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: tokenPath,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form) },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(form);
    });
    issued++;
  }
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  console.log(
    `token endpoint (client secret), 1 connection: ${(issued / elapsed).toFixed(0)} tokens/s (${issued} in ${elapsed.toFixed(1)} s)`,
  );
}
const stats = sb.stats();
await sb.close();
console.log(
  `served ${stats.apiRequests} users requests and ${stats.tokenRequests} token requests; statuses ${JSON.stringify(stats.byStatus)}`,
);
