// The built CLI as a user runs it: flags in, connection details out, a working sandbox, a clean exit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli, parseFaultsFile } from '../src/cli/args.js';

// Built by `pnpm build` (Turborepo runs it before `test`).
const cli = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

describe('parseCli', () => {
  it('maps flags to options and fault rules', () => {
    const { options, json } = parseCli([
      '--port',
      '0',
      '--users',
      '10',
      '--seed',
      '3',
      '--token-ttl',
      '30',
      '--latency',
      '20',
      '--rate-limit-every',
      '5',
      '--status-as-integer',
      '--fail-every',
      '7',
      '--fail-status',
      '500',
      '--rate-limit',
      '10/2.5',
      '--json',
    ]);
    expect(json).toBe(true);
    expect(options).toMatchObject({ port: 0, users: 10, seed: 3, tokenTtlSeconds: 30, rateLimit: { capacity: 10, refillPerSecond: 2.5 } });
    expect(options.faults).toEqual([
      { match: { path: 'users' }, latencyMs: 20 },
      { match: { path: 'users', nth: 5 }, status: 429, retryAfter: '1' },
      { match: { path: 'users', nth: 7 }, status: 500 },
      { match: { path: 'users' }, statusAsInteger: true },
    ]);
  });

  it('defaults to port 4010 and 10000 users, and refuses bad values', () => {
    expect(parseCli([]).options).toEqual({ port: 4010, users: 10_000 });
    expect(parseCli(['--', '--users', '5']).options).toEqual({ port: 4010, users: 5 });
    expect(() => parseCli(['--users', '-3'])).toThrow(/--users/);
    expect(() => parseCli(['--fail-every', '2', '--fail-status', '302'])).toThrow(/--fail-status/);
    expect(() => parseCli(['--nope'])).toThrow();
  });
});

describe('--faults FILE', () => {
  it('names the file, and reads a JSON array of rules', () => {
    expect(parseCli(['--faults', 'f.json']).faultsFile).toBe('f.json');
    expect(parseFaultsFile('[{"match":{"path":"token","first":1},"status":503}]', 'f.json')).toEqual([
      { match: { path: 'token', first: 1 }, status: 503 },
    ]);
    expect(() => parseFaultsFile('{"status":503}', 'f.json')).toThrow(/JSON array/);
    expect(() => parseFaultsFile('[503]', 'f.json')).toThrow(/JSON array/);
    expect(() => parseFaultsFile('[{', 'f.json')).toThrow(/not valid JSON/);
  });
});

describe('avepoint-sandbox', () => {
  it('prints its details, serves them, and exits 0 on SIGTERM, removing the key file', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--users', '12', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const details = JSON.parse(line) as {
      tokenUrl: string;
      baseUrl: string;
      clientId: string;
      clientSecret: string;
      privateKeyFile: string;
      certificateFile: string;
      customers: Array<{ customerId: string; tenants: Array<{ tenantId: string; users: number }> }>;
    };
    expect(readFileSync(details.privateKeyFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(readFileSync(details.certificateFile, 'utf8')).toContain('BEGIN CERTIFICATE');
    const tokenRes = await fetch(details.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: details.clientId,
        client_secret: details.clientSecret,
        scope: 'elements.um.user.read.all',
      }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const c = details.customers[0]!;
    const users = await fetch(
      `${details.baseUrl}/partner/external/v3/um/customers/${c.customerId}/tenants/${c.tenants[0]!.tenantId}/users/batch?pageSize=100`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}` },
      },
    );
    expect(((await users.json()) as { metadata: { totalCount: number } }).metadata.totalCount).toBe(12);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(details.privateKeyFile)).toBe(false);
  });

  it('prints usage and exits 2 on an unknown flag', async () => {
    const child = spawn(process.execPath, [cli, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('Usage: avepoint-sandbox');
  });
});
