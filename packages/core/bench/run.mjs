// Benchmarks of @avepoint-graph-kit/core against the sandbox on 127.0.0.1. They print figures
// and assert nothing (the design keeps timing out of the test suite). Each ratio is measured in
// one run, both sides against the same sandbox, with the targets beside them:
//   1. getUsersPage requests/s against raw fetch of the same request          (target >= 0.95)
//   2. 100,000 users, 20 ms latency per page: listUsers at concurrency 8 against the latency
//      bound ceil(pages / 8) x 20 ms                                          (target <= 1.2x)
//   3. the same export under 30% random faults (500/502/503/504/resets, no 429): mean requests in
//      flight (target >= 0.75 x 8) and wall time against (fault-free bound + retry sleep / 8)
//                                                                            (target <= 1.5x)
//   4. behind a token bucket of R requests/s answering 429 with Retry-After: accepted requests/s
//      against R (target >= 0.9 R) and the share of requests answered 429   (target <= 5%)
//   5. the CLI exporting 1,000,000 users to NDJSON: peak RSS (target < 150 MB) and time against
//      the hand-written fetch loop's                                         (target <= 1.2x)
// The sandbox runs in a child process, as a real service would, so its CPU is not the client's.
// Usage: node bench/run.mjs [page|export|faults|ratelimit|memory]...   (all by default)
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createUsersClient } from '../dist/index.js';

const only = new Set(process.argv.slice(2));
const want = (name) => only.size === 0 || only.has(name);
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const preload = fileURLToPath(new URL('./report-peak-memory.cjs', import.meta.url));
const rawExport = fileURLToPath(new URL('./raw-export.mjs', import.meta.url));

/** Sends a message to the sandbox process and resolves with the first answer `pick` accepts. */
function ask(child, message, pick) {
  return new Promise((resolve) => {
    const onMessage = (m) => {
      const value = m ? pick(m) : undefined;
      if (value === undefined) return;
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** A sandbox in its own process, like a real service: its CPU does not count against the client. */
async function startSandbox(options) {
  const child = fork(fileURLToPath(new URL('./sandbox-process.mjs', import.meta.url)), [JSON.stringify(options)], { stdio: 'inherit' });
  const info = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
  });
  return {
    ...info,
    usersUrl: () => info.usersUrl,
    /** Seconds of CPU the sandbox process has used. */
    cpuSeconds: () =>
      new Promise((resolve) => {
        const onMessage = (m) => {
          if (m && m.cpu) {
            child.off('message', onMessage);
            resolve((m.cpu.user + m.cpu.system) / 1e6);
          }
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    /** The sandbox's request counts (answered over IPC). */
    stats: () => ask(child, 'stats', (m) => m.stats),
    setRateLimit: (limit) => ask(child, { setRateLimit: limit ?? null }, (m) => (m.rateLimitSet ? true : undefined)),
    setFaults: (rules) => ask(child, { setFaults: rules }, (m) => (m.faultsSet ? true : undefined)),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send('close');
      }),
  };
}
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function clientFor(sb, extra = {}) {
  return createUsersClient({
    baseUrl: sb.baseUrl,
    tokenUrl: sb.tokenUrl,
    credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
    ...extra,
  });
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
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sb.clientId,
        client_secret: sb.clientSecret,
        scope: 'elements.um.user.read.all',
      }),
    });
    const { access_token: token } = await tokenResponse.json();
    const url = `${sb.usersUrl()}?pageIndex=2&pageSize=100`;
    const raw = async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = await res.json();
      if (body.data.length !== 100) throw new Error('raw: short page');
    };
    const rawWithTimeout = async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(30_000),
      });
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
    const timeoutMs = [];
    const n = 2000;
    const order = [
      [raw, rawMs],
      [typed, clientMs],
      [rawWithTimeout, timeoutMs],
    ];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < order.length; k++) {
        const [fn, into] = order[(i + k) % order.length];
        into.push(await time(fn));
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const r = 1000 / median(rawMs);
    const c = 1000 / median(clientMs);
    console.log(`1. getUsersPage vs raw fetch of the same request (100 users/page, ${n} of each, interleaved in rotating order)`);
    console.log(`   raw fetch     ${fmt(r)} req/s (median ${fmt(median(rawMs), 2)} ms; overall ${fmt(n / (sum(rawMs) / 1000))} req/s)`);
    console.log(
      `   getUsersPage  ${fmt(c)} req/s (median ${fmt(median(clientMs), 2)} ms; overall ${fmt(n / (sum(clientMs) / 1000))} req/s)`,
    );
    console.log(`   ratio         ${fmt(c / r, 2)} by medians, ${fmt(sum(rawMs) / sum(clientMs), 2)} overall   (target >= 0.95)`);
    const rt = 1000 / median(timeoutMs);
    console.log(
      `   for context: raw fetch with AbortSignal.timeout ${fmt(rt)} req/s; getUsersPage / that = ${fmt(c / rt, 2)} (the client always has a per-attempt timeout)`,
    );
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
    const serverCpu0 = await sb.cpuSeconds();
    const clientCpu0 = process.cpuUsage();
    let start = performance.now();
    let n = 0;
    for await (const _ of client.listUsers({ ...t, pageSize, concurrency })) n++;
    const concurrent = performance.now() - start;
    const clientCpu = process.cpuUsage(clientCpu0);
    const serverCpu = (await sb.cpuSeconds()) - serverCpu0;
    if (n !== users) throw new Error(`listUsers yielded ${n}`);
    // The same window of 8 pages written by hand with fetch: what the platform allows on this machine.
    const tokenResponse = await fetch(sb.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sb.clientId,
        client_secret: sb.clientSecret,
        scope: 'elements.um.user.read.all',
      }),
    });
    const { access_token: token } = await tokenResponse.json();
    const rawPage = async (pageIndex) => {
      const res = await fetch(`${sb.usersUrl()}?pageIndex=${pageIndex}&pageSize=${pageSize}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return (await res.json()).data;
    };
    start = performance.now();
    n = 0;
    const window = [];
    let nextPage = 1;
    while (nextPage <= pages && window.length < concurrency) window.push(rawPage(nextPage++));
    while (window.length > 0) {
      n += (await window.shift()).length;
      if (nextPage <= pages) window.push(rawPage(nextPage++));
    }
    const rawConcurrent = performance.now() - start;
    if (n !== users) throw new Error(`raw loop read ${n}`);
    start = performance.now();
    n = 0;
    for (let pageIndex = 1; pageIndex <= pages; pageIndex++) n += (await client.getUsersPage({ ...t, pageIndex, pageSize })).users.length;
    const sequential = performance.now() - start;
    if (n !== users) throw new Error(`sequential loop read ${n}`);
    const bound = Math.ceil(pages / concurrency) * latencyMs;
    console.log(`2. export ${fmt(users)} users, ${pages} pages, ${latencyMs} ms latency per page`);
    console.log(`   sequential page loop       ${fmt(sequential / 1000, 2)} s`);
    console.log(`   listUsers concurrency ${concurrency}   ${fmt(concurrent / 1000, 2)} s   (${fmt(sequential / concurrent, 1)}x faster)`);
    console.log(
      `   latency bound ceil(${pages}/${concurrency}) x ${latencyMs} ms = ${fmt(bound / 1000, 2)} s; listUsers / bound = ${fmt(concurrent / bound, 2)}   (target <= 1.2)`,
    );
    console.log(
      `   hand-written fetch window of ${concurrency} (no retries, no timeouts, no checks)   ${fmt(rawConcurrent / 1000, 2)} s; listUsers / that = ${fmt(concurrent / rawConcurrent, 2)}`,
    );
    console.log(
      `   during listUsers: sandbox CPU ${fmt(serverCpu, 2)} s (${fmt((serverCpu / (concurrent / 1000)) * 100)}% of a core), client CPU ${fmt((clientCpu.user + clientCpu.system) / 1e6, 2)} s`,
    );
    return { sequential, concurrent, rawConcurrent, bound, ratio: concurrent / bound };
  } finally {
    await sb.close();
  }
}

/** A fetch that goes to the real one and integrates the requests in flight over time. */
function countingFetch() {
  let inFlight = 0;
  let area = 0;
  let since = performance.now();
  let started = since;
  const account = () => {
    const t = performance.now();
    area += inFlight * (t - since);
    since = t;
  };
  return {
    fetch: async (request) => {
      account();
      inFlight++;
      try {
        const response = await fetch(request);
        // The body is read by the client after this returns; count it as in flight until then.
        const body = await response.arrayBuffer();
        return new Response(body, { status: response.status, headers: response.headers });
      } finally {
        account();
        inFlight--;
      }
    },
    reset() {
      area = 0;
      since = started = performance.now();
    },
    mean() {
      account();
      return area / (performance.now() - started);
    },
  };
}

async function benchFaults() {
  const users = 100_000;
  const pageSize = 100;
  const latencyMs = 20;
  const concurrency = 8;
  const pages = Math.ceil(users / pageSize);
  const faults = [
    { match: { path: 'users' }, latencyMs },
    { match: { path: 'users', probability: 0.3 }, oneOf: [500, 502, 503, 504, 'reset'], seed: 5 },
  ];
  const sb = await startSandbox({ users, faults });
  try {
    const t = tenantOf(sb);
    const counter = countingFetch();
    let retries = 0;
    let sleptMs = 0;
    const client = clientFor(sb, {
      fetch: counter.fetch,
      onRetry: (event) => {
        retries++;
        sleptMs += event.delayMs;
      },
    });
    await client.getUsersPage({ ...t, pageSize: 1 }).catch(() => undefined);
    // The same export without faults first: what this machine allows in flight at all.
    await sb.setFaults([{ match: { path: 'users' }, latencyMs }]);
    counter.reset();
    let n = 0;
    for await (const _ of client.listUsers({ ...t, pageSize, concurrency })) n++;
    const cleanInFlight = counter.mean();
    await sb.setFaults(faults);
    retries = 0;
    sleptMs = 0;
    counter.reset();
    const start = performance.now();
    n = 0;
    for await (const _ of client.listUsers({ ...t, pageSize, concurrency })) n++;
    const wall = performance.now() - start;
    const inFlight = counter.mean();
    if (n !== users) throw new Error(`listUsers yielded ${n}`);
    const bound = Math.ceil(pages / concurrency) * latencyMs;
    const allowed = bound + sleptMs / concurrency;
    console.log(`3. the same export under 30% random 500/502/503/504/resets (default retry options)`);
    console.log(
      `   ${fmt(retries)} retries, ${fmt(sleptMs / 1000, 1)} s of retry sleep in all; every user once: ${n === users ? 'yes' : 'no'}`,
    );
    console.log(`   mean requests in flight ${fmt(inFlight, 2)} of ${concurrency} = ${fmt(inFlight / concurrency, 2)}   (target >= 0.75)`);
    console.log(
      `   for context: without faults, ${fmt(cleanInFlight, 2)} in flight (${fmt(cleanInFlight / concurrency, 2)}); under faults / without = ${fmt(inFlight / cleanInFlight, 2)}`,
    );
    console.log(
      `   wall ${fmt(wall / 1000, 2)} s against bound + sleep / ${concurrency} = ${fmt(allowed / 1000, 2)} s: ${fmt(wall / allowed, 2)}   (target <= 1.5)`,
    );
    return { wall, allowed, inFlight };
  } finally {
    await sb.close();
  }
}

async function benchRateLimit() {
  const rate = 50;
  const pageSize = 100;
  const pages = 1000;
  const latencyMs = 20;
  const concurrency = 8;
  const sb = await startSandbox({ users: pages * pageSize, faults: [{ match: { path: 'users' }, latencyMs }] });
  try {
    const t = tenantOf(sb);
    const client = clientFor(sb);
    await client.getUsersPage({ ...t, pageSize: 1 });
    await sb.setRateLimit({ capacity: rate, refillPerSecond: rate });
    const stats0 = await sb.stats();
    const start = performance.now();
    let n = 0;
    for await (const _ of client.listUsers({ ...t, pageSize, concurrency })) n++;
    const seconds = (performance.now() - start) / 1000;
    const stats = await sb.stats();
    const answered = stats.apiRequests - stats0.apiRequests;
    const limited = (stats.byStatus[429] ?? 0) - (stats0.byStatus[429] ?? 0);
    const accepted = answered - limited;
    if (n !== pages * pageSize) throw new Error(`listUsers yielded ${n}`);
    console.log(
      `4. ${fmt(pages)} pages behind a token bucket of ${rate} requests/s (429 with Retry-After), ${latencyMs} ms latency, concurrency ${concurrency}`,
    );
    console.log(`   accepted ${fmt(accepted / seconds, 1)} requests/s = ${fmt(accepted / seconds / rate, 2)} R   (target >= 0.9)`);
    console.log(`   answered 429: ${fmt(limited)} of ${fmt(answered)} = ${fmt((limited / answered) * 100, 1)}%   (target <= 5%)`);
    return { rate: accepted / seconds, share: limited / answered };
  } finally {
    await sb.close();
  }
}

/** Runs an exporting child process, counts the NDJSON lines it writes, and reads its peak RSS. */
async function exportIn(args, sb) {
  const start = performance.now();
  const child = spawn(process.execPath, ['-r', preload, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret },
  });
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
  if (code !== 0) throw new Error(`export failed (${code}): ${stderr}`);
  return { lines, bytes, seconds: (performance.now() - start) / 1000, peakMb: JSON.parse(report).maxRssKb / 1024 };
}

async function benchMemory() {
  const users = 1_000_000;
  const concurrency = 4; // the CLI's default
  const sb = await startSandbox({ users });
  try {
    const t = tenantOf(sb);
    const cliRun = await exportIn(
      [
        cli,
        '--base-url',
        sb.baseUrl,
        '--token-url',
        sb.tokenUrl,
        '--customer',
        t.customerId,
        '--tenant',
        t.tenantId,
        '--format',
        'ndjson',
        '--concurrency',
        String(concurrency),
      ],
      sb,
    );
    const rawRun = await exportIn([rawExport, sb.baseUrl, sb.tokenUrl, t.customerId, t.tenantId, String(concurrency)], sb);
    for (const run of [cliRun, rawRun]) if (run.lines !== users) throw new Error(`exported ${run.lines} lines`);
    console.log(`5. export ${fmt(users)} users to NDJSON on a pipe, concurrency ${concurrency}, peak RSS of the exporting process`);
    console.log(
      `   avepoint-users CLI         ${fmt(cliRun.peakMb, 1)} MB   ${fmt(cliRun.seconds, 1)} s (${fmt(cliRun.lines / cliRun.seconds)} users/s, ${fmt(cliRun.bytes / 1e6)} MB)   (target < 150 MB)`,
    );
    console.log(
      `   hand-written fetch loop    ${fmt(rawRun.peakMb, 1)} MB   ${fmt(rawRun.seconds, 1)} s   (the floor: Node + fetch, no client, no dedupe)`,
    );
    console.log(`   CLI time / hand-written    ${fmt(cliRun.seconds / rawRun.seconds, 2)}   (target <= 1.2)`);
    return { cli: cliRun, raw: rawRun };
  } finally {
    await sb.close();
  }
}

console.log(`@avepoint-graph-kit/core benchmarks, Node ${process.version}, ${new Date().toISOString()}\n`);
if (want('page')) await benchPage();
if (want('export')) await benchExport();
if (want('faults')) await benchFaults();
if (want('ratelimit')) await benchRateLimit();
if (want('memory')) await benchMemory();
