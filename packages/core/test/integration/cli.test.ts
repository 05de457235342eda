// avepoint-users in-process against a sandbox over HTTP: formats, ID lookups, exit codes.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { capture } from '../support/capture.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ users: 321, seed: 3 });
});
afterAll(async () => {
  await sb.close();
});

async function run(args: string[], env: Record<string, string | undefined> = { AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret }, tty = false) {
  const out = capture(tty);
  const err = capture(tty);
  const target = args.includes('--sandbox')
    ? []
    : ['--base-url', sb.baseUrl, '--token-url', sb.tokenUrl, '--customer', sb.customers[0]!.customerId, '--tenant', sb.customers[0]!.tenants[0]!.tenantId];
  const code = await runCli([...target, ...args], { stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('avepoint-users', () => {
  it('writes NDJSON, one user per line, every user once', async () => {
    const { code, stdout, stderr } = await run(['--format', 'ndjson', '--concurrency', '8', '--page-size', '50']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const users = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(users.map((u) => u.id)).toEqual(Array.from({ length: 321 }, (_, i) => sb.userAt(0, 0, i).id));
  });

  it('writes a JSON array', async () => {
    const { code, stdout } = await run(['--format', 'json', '--limit', '7']);
    expect(code).toBe(0);
    const users = JSON.parse(stdout) as Array<{ id: string; status: number[] }>;
    expect(users).toHaveLength(7);
    expect(users[6]!.id).toBe(sb.userAt(0, 0, 6).id);
  });

  it('writes RFC 4180 CSV with a header and status labels', async () => {
    const { code, stdout } = await run(['--format', 'csv', '--limit', '3']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]!.split(',')[0]).toBe('id');
    expect(lines[0]!.endsWith('status,statusLabels')).toBe(true);
    expect(lines).toHaveLength(5); // header, three rows, trailing empty
    expect(lines[1]!.startsWith(sb.userAt(0, 0, 0).id)).toBe(true);
  });

  it('writes a table with a header and a summary on stderr', async () => {
    const { code, stdout, stderr } = await run(['--format', 'table', '--limit', '4', '--summary']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Display name\s+User principal name/);
    expect(lines).toHaveLength(6);
    expect(stderr).toMatch(/summary: 4 user\(s\) written as table, 321 in the tenant, 1 page\(s\), 0 retries/);
  });

  it('reads IDs from a file, keeps their order and reports the ones not found', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avepoint-cli-'));
    const ghost = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    const ids = [sb.userAt(0, 0, 9).id, ghost, sb.userAt(0, 0, 2).id];
    await writeFile(join(dir, 'ids.txt'), ids.join('\n'));
    const { code, stdout, stderr } = await run(['--user-ids-file', join(dir, 'ids.txt'), '--format', 'ndjson']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([ids[0], ids[2]]);
    expect(stderr).toContain(`1 ID(s) not found in the tenant: ${ghost}`);
  });

  it('draws a progress bar on a terminal stderr, and none otherwise', async () => {
    const tty = await run(['--format', 'ndjson', '--page-size', '10'], undefined, true);
    expect(tty.stderr).toMatch(/\[#+\.*\] \d+% /);
    const pipe = await run(['--format', 'ndjson', '--page-size', '10']);
    expect(pipe.stderr).toBe('');
  });

  it('exits 2 naming the flag for bad input, before any request', async () => {
    sb.resetStats();
    const bad = await run(['--page-size', '500']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--page-size: Invalid pageSize: must be an integer from 1 to 100/);
    const badId = await run(['--user-ids', 'a,b']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('--user-ids');
    expect((await run(['--format', 'xml'])).code).toBe(2);
    expect((await run(['--nope'])).code).toBe(2);
    expect(sb.stats().apiRequests).toBe(0);
  });

  it('exits 2 without credentials and 1 when the service refuses', async () => {
    const none = await run([], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('AVEPOINT_CLIENT_ID');
    const other = sb.customers[1]!;
    const out = capture();
    const err = capture();
    const code = await runCli(
      ['--base-url', sb.baseUrl, '--token-url', sb.tokenUrl, '--customer', other.customerId, '--tenant', other.tenants[0]!.tenantId],
      { stdout: out.stream, stderr: err.stream, env: { AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret } },
    );
    expect(code).toBe(1);
    expect(err.text()).toMatch(/FORBIDDEN: .*no access to this customer/);
  });

  it('--sandbox starts its own sandbox and reads from it', async () => {
    const { code, stdout, stderr } = await run(['--sandbox', '--sandbox-users', '42', '--format', 'ndjson', '--summary'], {});
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(42);
    expect(stderr).toMatch(/sandbox on http:\/\/127\.0\.0\.1:\d+/);
    expect(stderr).toMatch(/summary: 42 user\(s\) written as ndjson, 42 in the tenant, 1 page\(s\), 0 retries, 1 token request\(s\), 1 API request\(s\)/);
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage:');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a failed export says where to resume, and --resume-from continues it: every user once across both runs', async () => {
    // A maintenance window longer than the client waits: page 4 fails for good.
    sb.setFaults([{ match: { path: 'users', pageIndex: 4 }, status: 503, retryAfter: '3600' }]);
    let failed;
    try {
      failed = await run(['--format', 'ndjson', '--page-size', '50', '--concurrency', '2']);
    } finally {
      sb.setFaults([]);
    }
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/--resume-from 4\b/);
    const rest = await run(['--format', 'ndjson', '--page-size', '50', '--resume-from', '4']);
    expect(rest.code).toBe(0);
    const ids = [...failed.stdout.trimEnd().split('\n'), ...rest.stdout.trimEnd().split('\n')].map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: 321 }, (_, i) => sb.userAt(0, 0, i).id));
  });

  it('reports a tenant that kept changing on stderr, and --strict makes it exit 1', async () => {
    sb.setFaults([{ match: { path: 'users' }, churn: { inserts: 1 } }]);
    try {
      const lenient = await run(['--format', 'ndjson', '--page-size', '50']);
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toMatch(/warning: the tenant kept changing while it was read \(3 passes/);
      const lines = lenient.stdout.trimEnd().split('\n');
      expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(lines.length);
      const strict = await run(['--format', 'ndjson', '--page-size', '50', '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/INCONSISTENT_LISTING/);
    } finally {
      sb.setFaults([]);
      sb.resetChurn();
    }
  });
});
