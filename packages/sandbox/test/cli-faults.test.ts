// The CLI flags of the newer faults: flags in, fault rules out, and a refusal that names the flag.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { parseSize, parseTotalCount } from '../src/cli/fault-flags.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');
const rules = (...args: string[]) => parseCli(args).options.faults;

describe('fault flags', () => {
  it('--churn', () => {
    expect(rules('--churn', 'inserts=2,deletes=1,moves=1,requests=40,tenant=abc,at=start')).toEqual([
      { match: { path: 'users', first: 40, tenantId: 'abc' }, churn: { inserts: 2, deletes: 1, moves: 1, at: 'start' } },
    ]);
    expect(rules('--churn', 'deletes=0.01,scale=fractionOfTenant,every=3')).toEqual([
      { match: { path: 'users', nth: 3 }, churn: { deletes: 0.01, scale: 'fractionOfTenant' } },
    ]);
    expect(() => rules('--churn', 'insert=2')).toThrow(/--churn takes key=value pairs/);
    expect(() => rules('--churn', 'inserts=2,at=middle')).toThrow(/--churn: churn\.at/);
    expect(() => rules('--churn', 'inserts=1.5')).toThrow(/--churn: churn\.inserts/);
  });

  it('--fail-random and --fail-statuses, and 502 for --fail-status', () => {
    expect(rules('--fail-random', '0.3')).toEqual([{ match: { path: 'users', probability: 0.3 }, oneOf: [500, 502, 503, 504] }]);
    expect(rules('--fail-random', '.5', '--fail-statuses', '502,reset', '--retry-after', '2')).toEqual([
      { match: { path: 'users', probability: 0.5 }, oneOf: [502, 'reset'], retryAfter: '2' },
    ]);
    expect(rules('--fail-every', '3', '--fail-status', '502')).toEqual([{ match: { path: 'users', nth: 3 }, status: 502 }]);
    expect(() => rules('--fail-random', '0')).toThrow(/--fail-random/);
    expect(() => rules('--fail-random', '0.3', '--fail-statuses', '500,200')).toThrow(/--fail-statuses takes .* not "200"/);
    expect(rules('--fail-random', '1', '--fail-statuses', '403,reset')).toEqual([
      { match: { path: 'users', probability: 1 }, oneOf: [403, 'reset'] },
    ]);
    expect(rules('--fail-every', '2', '--fail-status', '404')).toEqual([{ match: { path: 'users', nth: 2 }, status: 404 }]);
    expect(() => rules('--fail-every', '2', '--fail-status', 'x')).toThrow(/--fail-status must be an HTTP error status/);
    expect(() => rules('--fail-statuses', '500')).toThrow(/needs --fail-random/);
  });

  it('--huge-body, --compression-bomb, --corrupt-body, --truncate-body', () => {
    expect(rules('--huge-body', '1G')).toEqual([{ match: { path: 'users' }, hugeBody: { bytes: 1024 ** 3, contentLength: true } }]);
    expect(rules('--huge-body', 'endless', '--huge-body-chunked')).toEqual([
      { match: { path: 'users' }, hugeBody: { bytes: 'endless', contentLength: false } },
    ]);
    expect(rules('--compression-bomb', '512M', '--bomb-encoding', 'br')).toEqual([
      { match: { path: 'users' }, compressionBomb: { decompressedBytes: 512 * 1024 ** 2, encoding: 'br' } },
    ]);
    expect(rules('--compression-bomb', '1G', '--bomb-layers', '2')).toEqual([
      { match: { path: 'users' }, compressionBomb: { decompressedBytes: 1024 ** 3, layers: 2 } },
    ]);
    expect(rules('--corrupt-body', 'gzip', '--truncate-body', 'half')).toEqual([
      { match: { path: 'users' }, corruptBody: { encoding: 'gzip' } },
      { match: { path: 'users' }, truncateBody: {} },
    ]);
    expect(rules('--truncate-body', '100')).toEqual([{ match: { path: 'users' }, truncateBody: { afterBytes: 100 } }]);
    expect(() => rules('--huge-body', '10')).toThrow(/--huge-body: hugeBody\.bytes/);
    expect(() => rules('--huge-body', 'lots')).toThrow(/--huge-body must be a size/);
    expect(() => rules('--compression-bomb', '32G')).toThrow(/--compression-bomb: compressionBomb\.decompressedBytes/);
    expect(() => rules('--bomb-encoding', 'br')).toThrow(/need --compression-bomb/);
    expect(() => rules('--corrupt-body', 'zip')).toThrow(/--corrupt-body/);
    expect(() => rules('--truncate-body', '-1')).toThrow(/--truncate-body/);
  });

  it('--total-count, --serve-page-size, --ignore-page-index', () => {
    expect(rules('--total-count', '1e11', '--serve-page-size', '250', '--ignore-page-index')).toEqual([
      { match: { path: 'users' }, totalCount: 1e11 },
      { match: { path: 'users' }, servePageSize: 250 },
      { match: { path: 'users' }, ignorePageIndex: true },
    ]);
    expect(['-1', '1.5', '"12"', 'null', '+5', '+100/request'].map(parseTotalCount)).toEqual([
      -1,
      1.5,
      '12',
      null,
      { add: 5 },
      { addPerRequest: 100 },
    ]);
    expect(() => parseTotalCount('twelve')).toThrow(/--total-count/);
    expect(() => parseTotalCount('[1]')).toThrow(/--total-count/);
    expect(() => rules('--serve-page-size', '0')).toThrow(/--serve-page-size/);
  });

  it('sizes are binary: 1K = 1024', () => {
    expect(['3000000', '64K', '1.5M', '1G', '2GiB', '10 MB'].map((s) => parseSize('x', s))).toEqual([
      3_000_000,
      65_536,
      1_572_864,
      1024 ** 3,
      2 * 1024 ** 3,
      10 * 1024 ** 2,
    ]);
  });
});

describe('avepoint-sandbox with fault flags', () => {
  it('serves --fail-random 1 --fail-statuses 502 as 502 on every users request', async () => {
    const child = spawn(
      process.execPath,
      [cli, '--port', '0', '--users', '3', '--json', '--fail-random', '1', '--fail-statuses', '502', '--total-count', '"3"'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const details = JSON.parse(line) as {
        baseUrl: string;
        customers: Array<{ customerId: string; tenants: Array<{ tenantId: string }> }>;
      };
      const c = details.customers[0]!;
      const res = await fetch(
        `${details.baseUrl}/partner/external/v3/um/customers/${c.customerId}/tenants/${c.tenants[0]!.tenantId}/users/batch`,
        { method: 'POST' },
      );
      expect(res.status).toBe(502);
    } finally {
      const exit = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exit;
    }
  });

  it('refuses a bad fault flag with usage and exit code 2', async () => {
    const child = spawn(process.execPath, [cli, '--churn', 'inserts=-1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--churn');
    expect(err).toContain('Usage: avepoint-sandbox');
  });
});
