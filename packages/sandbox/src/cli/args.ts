// Command-line flags of avepoint-sandbox, turned into SandboxOptions. Kept apart from main.ts so
// the mapping is testable without starting a process.
import { parseArgs } from 'node:util';
import type { SandboxOptions } from '../options.js';
import type { FaultRule } from '../faults/types.js';

export const USAGE = `Usage: avepoint-sandbox [options]

A local AvePoint identity service and Elements users API on 127.0.0.1.

Options:
  --port N                 port to listen on (default 4010; 0 = a free port)
  --host H                 address to bind (default 127.0.0.1)
  --users N                users in the default tenant (default 10000)
  --seed N                 seed of the generated data (default 1)
  --token-ttl S            access token lifetime in seconds (default 3600)
  --default-page-size N    pageSize when a request has none (default 100)
  --max-page-size N        serve at most N users per page whatever is asked (50: the newer docs' default)
Faults (users endpoint):
  --latency MS             delay every response
  --rate-limit-every N     answer every Nth request with 429 and Retry-After
  --retry-after V          Retry-After for injected 429/503 (default 1)
  --rate-limit C/R         token bucket: capacity C, refilled at R per second (429 when empty)
  --fail-every N           answer every Nth request with --fail-status
  --fail-status S          500, 503 or 504 (default 503)
  --reset-every N          destroy the connection of every Nth request
  --slow-body MS           send each body in pieces over MS milliseconds
  --status-as-integer      send status as a bare integer (the documented inconsistency)
  --faults FILE            more fault rules: a JSON array of FaultRule (see the README)
  --json                   print the connection details as one JSON line
  -h, --help               show this help`;

export interface CliConfig {
  options: SandboxOptions;
  /** The file named by --faults, read by the caller (parsing stays free of I/O). */
  faultsFile?: string;
  json: boolean;
  help: boolean;
}

function integer(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return Number(raw);
}

export function parseCli(argv: readonly string[]): CliConfig {
  // `pnpm run start -- --port 4010` passes the `--` through; npm does not. Accept both.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      users: { type: 'string' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
      'default-page-size': { type: 'string' },
      'max-page-size': { type: 'string' },
      latency: { type: 'string' },
      'rate-limit-every': { type: 'string' },
      'retry-after': { type: 'string' },
      'rate-limit': { type: 'string' },
      'fail-every': { type: 'string' },
      'fail-status': { type: 'string' },
      'reset-every': { type: 'string' },
      'slow-body': { type: 'string' },
      'status-as-integer': { type: 'boolean' },
      faults: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options: SandboxOptions = {
    port: integer('port', values.port, 0) ?? 4010,
    users: integer('users', values.users, 0) ?? 10_000,
  };
  if (values.host !== undefined) options.host = values.host;
  const seed = integer('seed', values.seed, 0);
  if (seed !== undefined) options.seed = seed;
  const ttl = integer('token-ttl', values['token-ttl'], 1);
  if (ttl !== undefined) options.tokenTtlSeconds = ttl;
  const pageSize = integer('default-page-size', values['default-page-size'], 1);
  if (pageSize !== undefined) options.defaultPageSize = pageSize;
  const maxServed = integer('max-page-size', values['max-page-size'], 1);
  if (maxServed !== undefined) options.maxServedPageSize = maxServed;

  const retryAfter = values['retry-after'] ?? '1';
  const faults: FaultRule[] = [];
  const latency = integer('latency', values.latency, 0);
  if (latency) faults.push({ match: { path: 'users' }, latencyMs: latency });
  const rateEvery = integer('rate-limit-every', values['rate-limit-every'], 1);
  if (rateEvery) faults.push({ match: { path: 'users', nth: rateEvery }, status: 429, retryAfter });
  const failEvery = integer('fail-every', values['fail-every'], 1);
  if (failEvery) {
    const status = Number(values['fail-status'] ?? '503');
    if (status !== 500 && status !== 503 && status !== 504) throw new Error('--fail-status must be 500, 503 or 504');
    faults.push({ match: { path: 'users', nth: failEvery }, status, ...(status === 503 ? { retryAfter } : {}) });
  }
  const resetEvery = integer('reset-every', values['reset-every'], 1);
  if (resetEvery) faults.push({ match: { path: 'users', nth: resetEvery }, reset: true });
  const slowBody = integer('slow-body', values['slow-body'], 0);
  if (slowBody) faults.push({ match: { path: 'users' }, slowBodyMs: slowBody });
  if (values['status-as-integer']) faults.push({ match: { path: 'users' }, statusAsInteger: true });
  if (faults.length > 0) options.faults = faults;

  if (values['rate-limit'] !== undefined) {
    const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['rate-limit']);
    if (!match) throw new Error('--rate-limit must look like CAPACITY/REFILL_PER_SECOND, e.g. 10/5');
    options.rateLimit = { capacity: Number(match[1]), refillPerSecond: Number(match[2]) };
  }
  const config: CliConfig = { options, json: values.json === true, help: values.help === true };
  if (values.faults !== undefined) config.faultsFile = values.faults;
  return config;
}

/** The rules of a --faults file: a JSON array; each rule is checked when the sandbox starts. */
export function parseFaultsFile(text: string, file: string): FaultRule[] {
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch {
    throw new Error(`--faults ${file} is not valid JSON`);
  }
  if (!Array.isArray(rules) || rules.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw new Error(`--faults ${file} must hold a JSON array of fault rules`);
  }
  return rules as FaultRule[];
}
