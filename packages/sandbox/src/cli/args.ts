// Command-line flags of avepoint-sandbox, turned into SandboxOptions. Kept apart from main.ts so
// the mapping is testable without starting a process.
import { parseArgs } from 'node:util';
import type { SandboxOptions } from '../options.js';
import { checkFaultRule, isFaultStatus } from '../faults/rule-checks.js';
import type { BodyEncoding, FaultRule } from '../faults/types.js';
import { parseChurn, parseOutcomes, parseSize, parseTotalCount } from './fault-flags.js';

export const USAGE = `Usage: avepoint-sandbox [options]

A local AvePoint identity service and Elements customers and users API on 127.0.0.1.

Options:
  --port N                 port to listen on (default 4010; 0 = a free port)
  --host H                 address to bind (default 127.0.0.1)
  --users N                users in the default tenant (default 10000)
  --seed N                 seed of the generated data (default 1)
  --token-ttl S            access token lifetime in seconds (default 3600)
  --default-page-size N    pageSize when a request has none (default 100)
  --max-page-size N        serve at most N users (and customers) per page whatever is asked (50: the docs' default)
Faults (users batch endpoint; --faults rules can name the others):
  --latency MS             delay every response
  --rate-limit-every N     answer every Nth request with 429 and Retry-After
  --retry-after V          Retry-After for injected 429/503 (default 1)
  --rate-limit C/R         token bucket: capacity C, refilled at R per second (429 when empty)
  --fail-every N           answer every Nth request with --fail-status
  --fail-status S          an HTTP error status, 400 to 599 (default 503)
  --fail-random P          answer a request with probability P (0-1, seeded by --seed) with one of --fail-statuses
  --fail-statuses LIST     what --fail-random picks from: HTTP error statuses and reset (default 500,502,503,504)
  --reset-every N          destroy the connection of every Nth request
  --slow-body MS           send each body in pieces over MS milliseconds
  --status-as-integer      send status as a bare integer (the documented inconsistency)
  --churn SPEC             change the tenant before each request: key=value pairs of inserts, deletes,
                           moves (counts, or fractions with scale=fractionOfTenant), requests=N (stop
                           after N requests), every=N, tenant=ID, at=random|start|end;
                           e.g. --churn inserts=2,deletes=1,moves=1,requests=40
  --huge-body SIZE         answer 200 with a SIZE-byte JSON body (e.g. 512M, 1G) or 'endless'
  --huge-body-chunked      send --huge-body without content-length
  --compression-bomb SIZE  answer 200 with a small body that decompresses to SIZE (e.g. 1G)
  --bomb-encoding E        gzip (default), deflate or br
  --bomb-layers N          2: compress twice, content-encoding 'gzip, gzip' (a gzip bomb of a few KB)
  --corrupt-body E         send each body compressed with E (gzip, deflate, br) and corrupt
  --truncate-body N        announce the whole body, send its first N bytes (or 'half'), close
  --total-count V          lie in metadata.totalCount: a JSON value (1e11, -1, 1.5, '"12"', null),
                           +N (the real count plus N) or +N/request (a count that grows)
  --serve-page-size N      serve N users per page whatever pageSize asks (metadata echoes the request)
  --ignore-page-index      serve page 1 whatever pageIndex asks (metadata echoes the request)
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
      'fail-random': { type: 'string' },
      'fail-statuses': { type: 'string' },
      churn: { type: 'string' },
      'huge-body': { type: 'string' },
      'huge-body-chunked': { type: 'boolean' },
      'compression-bomb': { type: 'string' },
      'bomb-encoding': { type: 'string' },
      'bomb-layers': { type: 'string' },
      'corrupt-body': { type: 'string' },
      'truncate-body': { type: 'string' },
      'total-count': { type: 'string' },
      'serve-page-size': { type: 'string' },
      'ignore-page-index': { type: 'boolean' },
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
    const raw = values['fail-status'] ?? '503';
    const status = /^\d{3}$/.test(raw) ? Number(raw) : NaN;
    if (!isFaultStatus(status))
      throw new Error(`--fail-status must be an HTTP error status, 400 to 599 (500, 502, 503, 504...), not ${JSON.stringify(raw)}`);
    faults.push({ match: { path: 'users', nth: failEvery }, status, ...(status === 503 ? { retryAfter } : {}) });
  }
  const resetEvery = integer('reset-every', values['reset-every'], 1);
  if (resetEvery) faults.push({ match: { path: 'users', nth: resetEvery }, reset: true });
  const slowBody = integer('slow-body', values['slow-body'], 0);
  if (slowBody) faults.push({ match: { path: 'users' }, slowBodyMs: slowBody });
  if (values['status-as-integer']) faults.push({ match: { path: 'users' }, statusAsInteger: true });
  faults.push(...newFaultRules(values));
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

type FlagValues = Record<string, string | boolean | undefined>;
const text = (values: FlagValues, flag: string): string | undefined => {
  const value = values[flag];
  return typeof value === 'string' ? value : undefined;
};

function encodingOf(flag: string, raw: string | undefined): BodyEncoding | undefined {
  if (raw === undefined) return undefined;
  if (raw !== 'gzip' && raw !== 'deflate' && raw !== 'br') throw new Error(`--${flag} must be gzip, deflate or br`);
  return raw;
}

/** The rules of the flags for churn, random failures, body faults and paging lies; each checked here, naming its flag. */
function newFaultRules(values: FlagValues): FaultRule[] {
  const rules: Array<[string, FaultRule]> = [];
  const churn = text(values, 'churn');
  if (churn !== undefined) rules.push(['churn', parseChurn(churn)]);
  const random = text(values, 'fail-random');
  if (random !== undefined) {
    const probability = Number(random);
    if (!/^\d*\.?\d+$/.test(random) || !(probability > 0 && probability <= 1))
      throw new Error('--fail-random must be a probability above 0 and at most 1, e.g. 0.3');
    const oneOf = parseOutcomes('fail-statuses', text(values, 'fail-statuses') ?? '500,502,503,504');
    const retryAfter = text(values, 'retry-after');
    rules.push(['fail-random', { match: { path: 'users', probability }, oneOf, ...(retryAfter === undefined ? {} : { retryAfter }) }]);
  } else if (values['fail-statuses'] !== undefined) throw new Error('--fail-statuses needs --fail-random');
  const huge = text(values, 'huge-body');
  if (huge !== undefined) {
    rules.push([
      'huge-body',
      {
        match: { path: 'users' },
        hugeBody: {
          bytes: huge === 'endless' ? 'endless' : parseSize('huge-body', huge),
          contentLength: values['huge-body-chunked'] !== true,
        },
      },
    ]);
  } else if (values['huge-body-chunked']) throw new Error('--huge-body-chunked needs --huge-body');
  const bomb = text(values, 'compression-bomb');
  const bombEncoding = encodingOf('bomb-encoding', text(values, 'bomb-encoding'));
  const layers = text(values, 'bomb-layers');
  if (bomb !== undefined) {
    if (layers !== undefined && layers !== '1' && layers !== '2') throw new Error('--bomb-layers must be 1 or 2');
    rules.push([
      'compression-bomb',
      {
        match: { path: 'users' },
        compressionBomb: {
          decompressedBytes: parseSize('compression-bomb', bomb),
          ...(bombEncoding ? { encoding: bombEncoding } : {}),
          ...(layers === '2' ? { layers: 2 } : {}),
        },
      },
    ]);
  } else if (bombEncoding !== undefined || layers !== undefined)
    throw new Error('--bomb-encoding and --bomb-layers need --compression-bomb');
  const corrupt = encodingOf('corrupt-body', text(values, 'corrupt-body'));
  if (corrupt !== undefined) rules.push(['corrupt-body', { match: { path: 'users' }, corruptBody: { encoding: corrupt } }]);
  const truncate = text(values, 'truncate-body');
  if (truncate !== undefined) {
    if (truncate !== 'half' && !/^\d+$/.test(truncate)) throw new Error("--truncate-body must be a number of bytes or 'half'");
    rules.push(['truncate-body', { match: { path: 'users' }, truncateBody: truncate === 'half' ? {} : { afterBytes: Number(truncate) } }]);
  }
  const total = text(values, 'total-count');
  if (total !== undefined) rules.push(['total-count', { match: { path: 'users' }, totalCount: parseTotalCount(total) }]);
  const servePageSize = text(values, 'serve-page-size');
  if (servePageSize !== undefined)
    rules.push(['serve-page-size', { match: { path: 'users' }, servePageSize: integer('serve-page-size', servePageSize, 1) ?? 1 }]);
  if (values['ignore-page-index']) rules.push(['ignore-page-index', { match: { path: 'users' }, ignorePageIndex: true }]);
  for (const [flag, rule] of rules) {
    try {
      checkFaultRule(rule, 0);
    } catch (error) {
      throw new Error(`--${flag}: ${(error as Error).message.replace(/^faults\[0\]\./, '')}`);
    }
  }
  return rules.map(([, rule]) => rule);
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
