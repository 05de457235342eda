// Benchmarks of @avepoint-graph-kit/core against the sandbox on 127.0.0.1. They print figures
// and assert nothing (the design keeps timing out of the test suite). Each ratio is measured in
// one run, both sides against the same sandbox:
//   1. getUsersPage requests/s against raw fetch of the same request      (target >= 0.9)
//   2. 100,000 users, 20 ms latency per page: listUsers at concurrency 8 against a sequential
//      page loop, and against the latency bound ceil(pages / 8) x 20 ms  (target within 1.3x)
//   3. peak memory of the CLI exporting 1,000,000 users to NDJSON       (target < 150 MB)
// Usage: node bench/run.mjs [page|export|memory]...   (all three by default)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@avepoint-graph-kit/sandbox';
import { createUsersClient } from '../dist/index.js';

const only = new Set(process.argv.slice(2));
const want = (name) => only.size === 0 || only.has(name);
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const preload = fileURLToPath(new URL('./report-peak-memory.cjs', import.meta.url));
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function clientFor(sb, extra = {}) {
  return createUsersClient({ baseUrl: sb.baseUrl, tokenUrl: sb.tokenUrl, credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret }, ...extra });
}
const tenantOf = (sb) => ({ customerId: sb.customers[0].customerId, tenantId: sb.customers[0].tenants[0].tenantId });

async function benchPage() {
  const sb = await startSandbox({ users: 1000 });
  try {
    const t = tenantOf(sb);
    const client = clientFor(sb);
    const tokenResponse = await fetch(sb.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret, scope: 'elements.um.user.read.all' }),
    });
    const { access_token: token } = await tokenResponse.json();
    const url = `${sb.usersUrl()}?pageIndex=2&pageSize=100`;
    const raw = async () => {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      const body = await res.json();
      if (body.data.length !== 100) throw new Error('raw: short page');
    };
    const typed = async () => {
      const page = await client.getUsersPage({ ...t, pageIndex: 2, pageSize: 100 });
      if (page.users.length !== 100) throw new Error('client: short page');
    };
    const time = async (fn) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    for (let i = 0; i < 300; i++) {
      await raw(); // warm up both paths (JIT, keep-alive sockets, token)
      await typed();
    }
    // One request of each, alternating which goes first, so load from CPU neighbours (this
    // machine is shared) falls on both sides alike; medians drop the outliers it causes.
    const rawMs = [];
    const clientMs = [];
    const n = 2000;
    for (let i = 0; i < n; i++) {
      if (i % 2 === 0) {
        rawMs.push(await time(raw));
        clientMs.push(await time(typed));
      } else {
        clientMs.push(await time(typed));
        rawMs.push(await time(raw));
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const r = 1000 / median(rawMs);
    const c = 1000 / median(clientMs);
    console.log(`1. getUsersPage vs raw fetch of the same request (100 users/page, ${n} of each, interleaved)`);
    console.log(`   raw fetch     ${fmt(r)} req/s (median ${fmt(median(rawMs), 2)} ms; overall ${fmt(n / (sum(rawMs) / 1000))} req/s)`);
    console.log(`   getUsersPage  ${fmt(c)} req/s (median ${fmt(median(clientMs), 2)} ms; overall ${fmt(n / (sum(clientMs) / 1000))} req/s)`);
    console.log(`   ratio         ${fmt(c / r, 2)} by medians, ${fmt(sum(rawMs) / sum(clientMs), 2)} overall   (target >= 0.9)`);
    return { raw: r, client: c, ratio: c / r };
  } finally {
    await sb.close();
  }
}

async function benchExport() {
  const users = 100_000;
  const pageSize = 100;
  const latencyMs = 20;
  const concurrency = 8;
  const pages = Math.ceil(users / pageSize);
  const sb = await startSandbox({ users, faults: [{ match: { path: 'users' }, latencyMs }] });
  try {
    const t = tenantOf(sb);
    const client = clientFor(sb);
    await client.getUsersPage({ ...t, pageSize: 1 }); // token outside the timings
    let start = performance.now();
    let n = 0;
    for await (const _ of client.listUsers({ ...t, pageSize, concurrency })) n++;
    const concurrent = performance.now() - start;
    if (n !== users) throw new Error(`listUsers yielded ${n}`);
    start = performance.now();
    n = 0;
    for (let pageIndex = 1; pageIndex <= pages; pageIndex++) n += (await client.getUsersPage({ ...t, pageIndex, pageSize })).users.length;
    const sequential = performance.now() - start;
    if (n !== users) throw new Error(`sequential loop read ${n}`);
    const bound = Math.ceil(pages / concurrency) * latencyMs;
    console.log(`2. export ${fmt(users)} users, ${pages} pages, ${latencyMs} ms latency per page`);
    console.log(`   sequential page loop       ${fmt(sequential / 1000, 2)} s`);
    console.log(`   listUsers concurrency ${concurrency}   ${fmt(concurrent / 1000, 2)} s   (${fmt(sequential / concurrent, 1)}x faster)`);
    console.log(`   latency bound ceil(${pages}/${concurrency}) x ${latencyMs} ms = ${fmt(bound / 1000, 2)} s; listUsers / bound = ${fmt(concurrent / bound, 2)}   (target <= 1.3)`);
    return { sequential, concurrent, bound, ratio: concurrent / bound };
  } finally {
    await sb.close();
  }
}

async function benchMemory() {
  const users = 1_000_000;
  const sb = await startSandbox({ users });
  try {
    const t = tenantOf(sb);
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ['-r', preload, cli, '--base-url', sb.baseUrl, '--token-url', sb.tokenUrl, '--customer', t.customerId, '--tenant', t.tenantId, '--format', 'ndjson', '--concurrency', '8'],
      { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret } },
    );
    let lines = 0;
    let bytes = 0;
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    let report = '';
    child.stdio[3].on('data', (c) => (report += c));
    const code = await new Promise((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`export failed (${code}): ${stderr}`);
    const { maxRssKb } = JSON.parse(report);
    console.log(`3. CLI export of ${fmt(users)} users to NDJSON (concurrency 8, stdout piped)`);
    console.log(`   lines ${fmt(lines)}, ${fmt(bytes / 1e6, 0)} MB written in ${fmt(seconds, 1)} s (${fmt(lines / seconds)} users/s)`);
    console.log(`   peak RSS of the exporting process ${fmt(maxRssKb / 1024, 1)} MB   (target < 150 MB)`);
    return { lines, peakMb: maxRssKb / 1024 };
  } finally {
    await sb.close();
  }
}

console.log(`@avepoint-graph-kit/core benchmarks, Node ${process.version}, ${new Date().toISOString()}\n`);
if (want('page')) await benchPage();
if (want('export')) await benchExport();
if (want('memory')) await benchMemory();
