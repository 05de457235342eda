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

async function run(
  args: string[],
  env: Record<string, string | undefined> = { AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret },
  tty = false,
) {
  const out = capture(tty);
  const err = capture(tty);
  const target = args.includes('--sandbox')
    ? []
    : [
        '--base-url',
        sb.baseUrl,
        '--token-url',
        sb.tokenUrl,
        '--customer',
        sb.customers[0]!.customerId,
        '--tenant',
        sb.customers[0]!.tenants[0]!.tenantId,
      ];
  const code = await runCli([...target, ...args], { stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('avepoint-users', () => {
  it('writes NDJSON, one user per line, every user once', async () => {
    const { code, stdout, stderr } = await run(['--format', 'ndjson', '--concurrency', '8', '--page-size', '50']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const users = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
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
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual([ids[0], ids[2]]);
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
    expect(stderr).toMatch(
      /summary: 42 user\(s\) written as ndjson, 42 in the tenant, 1 page\(s\), 0 retries, 1 token request\(s\), 1 API request\(s\)/,
    );
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
    const ids = [...failed.stdout.trimEnd().split('\n'), ...rest.stdout.trimEnd().split('\n')].map(
      (line) => (JSON.parse(line) as { id: string }).id,
    );
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

  it('json and ndjson carry statusLabels beside status, as csv, n8n and Zapier do', async () => {
    const { stdout } = await run(['--format', 'ndjson', '--limit', '9']);
    const users = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: number[]; statusLabels: string[] });
    expect(users.every((u) => u.statusLabels.length === u.status.length)).toBe(true);
    expect(users.flatMap((u) => u.statusLabels)).toContain('MFA disabled');
  });

  it('takes --format in any case, and says what is wrong with --limit -5', async () => {
    expect((await run(['--format', 'CSV', '--limit', '1'])).code).toBe(0);
    const negative = await run(['--limit', '-5']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/--limit must be a whole number of 1 or more \(received "-5"\)/);
  });

  it('says which credential variable is missing', async () => {
    expect((await run([], { AVEPOINT_CLIENT_ID: 'x' })).stderr).toMatch(
      /AVEPOINT_CLIENT_ID is set, but neither AVEPOINT_CLIENT_SECRET nor AVEPOINT_PRIVATE_KEY_FILE is/,
    );
    expect((await run([], { AVEPOINT_CLIENT_SECRET: 'y' })).stderr).toMatch(/AVEPOINT_CLIENT_SECRET is set, but AVEPOINT_CLIENT_ID is not/);
  });

  it('checks input before starting a sandbox or asking for a token', async () => {
    const bad = await run(['--sandbox', '--tenant', '0c7715b3-2a4b-4c5d-9e6f-f3634dcfaceX', '--format', 'ndjson'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/sandbox on/);
    expect(bad.stderr).toMatch(/--tenant: Invalid tenantId: must be a GUID/);
  });

  it('writes numbers in the summary as the progress bar does (5,000, not 5000)', async () => {
    const big = await startSandbox({ users: 5000, seed: 4 });
    try {
      const out = capture();
      const err = capture(true);
      const code = await runCli(
        [
          '--base-url',
          big.baseUrl,
          '--token-url',
          big.tokenUrl,
          '--customer',
          big.customers[0]!.customerId,
          '--tenant',
          big.customers[0]!.tenants[0]!.tenantId,
          '--format',
          'ndjson',
          '--summary',
        ],
        { stdout: out.stream, stderr: err.stream, env: { AVEPOINT_CLIENT_ID: big.clientId, AVEPOINT_CLIENT_SECRET: big.clientSecret } },
      );
      expect(code).toBe(0);
      expect(err.text()).toMatch(/summary: 5,000 user\(s\) written as ndjson, 5,000 in the tenant, 50 page\(s\)/);
      // The bar's percentage is the integer share: never 57% at 2,900 of 5,000.
      const drawn = [...err.text().matchAll(/\] (\d+)% ([\d,]+)\/5,000/g)];
      expect(drawn.length).toBeGreaterThan(0);
      for (const [, percent, done] of drawn) expect(Number(percent)).toBe(Math.floor((Number(done!.replace(/,/g, '')) * 100) / 5000));
    } finally {
      await big.close();
    }
  });
});

describe('avepoint-users and the partner directory', () => {
  const env = () => ({ AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret });
  const service = () => ['--base-url', sb.baseUrl, '--token-url', sb.tokenUrl];
  async function cli(args: string[], environment: Record<string, string | undefined> = env()) {
    const out = capture();
    const err = capture();
    const code = await runCli([...service(), ...args], { stdout: out.stream, stderr: err.stream, env: environment });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  it('customers lists the customers with their tenants, a row per tenant in csv, a customer without tenants too', async () => {
    const { code, stdout } = await cli(['customers', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'customerId,organization,ownerEmail,countryOrRegion,jobStatus,jobStatusLabel,managementMode,managementModeLabel,tenantId,tenantName',
    );
    const visible = sb.customers.filter((c) => c.inScope);
    expect(lines).toHaveLength(1 + visible.reduce((n, c) => n + Math.max(1, c.tenants.length), 0));
    expect(lines.some((l) => l.includes('Tailspin Toys') && l.endsWith(',,'))).toBe(true);
    const json = JSON.parse((await cli(['customers', '--format', 'json'])).stdout) as Array<{ id: string; tenants: unknown[] }>;
    expect(json.map((c) => c.id)).toEqual(visible.map((c) => c.customerId));
  });

  it('picks customer and tenant by name, in any case', async () => {
    const { code, stdout, stderr } = await cli(['--customer', 'contoso pharmaceuticals', '--tenant', 'RESEARCH', '--format', 'ndjson']);
    expect(code).toBe(0);
    const research = sb.customers[2]!.tenants[1]!;
    expect(stdout.trimEnd().split('\n')).toHaveLength(research.users);
    expect(stderr).toMatch(/tenant Research/);
  });

  it('an ambiguous or unknown name exits 2 and lists the candidates', async () => {
    const shared = await cli(['--tenant', 'Contoso Production']);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(
      /--tenant: .*names 2 tenants; give the customer too.*Contoso Production of Contoso \(.*Contoso Production of Contoso Pharmaceuticals/,
    );
    const twins = await cli(['--customer', 'woodgrove bank', '--tenant', 'Woodgrove Bank']);
    expect(twins.code).toBe(2);
    expect(twins.stderr).toMatch(/--customer: .*names 2 customers/);
    const unknown = await cli(['--customer', 'Northwind', '--tenant', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/names no customer; the customers are: Contoso/);
  });

  it('--all-tenants exports every tenant with customer and tenant columns; --status filters', async () => {
    const { code, stdout } = await cli(['--all-tenants', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('customerId,customerName,tenantId,tenantName,id,')).toBe(true);
    const expected = sb.customers
      .filter((c) => c.inScope)
      .flatMap((c) => c.tenants)
      .reduce((n, t) => n + t.users, 0);
    expect(lines).toHaveLength(1 + expected);
    const mfa = await cli(['--all-tenants', '--customer', 'Contoso', '--status', 'mfa-disabled', '--format', 'ndjson']);
    const rows = mfa.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { customerId: string; status: number[] });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.customerId === sb.customers[0]!.customerId && r.status.includes(0))).toBe(true);
    const bad = await cli(['--all-tenants', '--status', 'sleepy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--status: .*must name user statuses: mfaDisabled/);
  });

  it('get prints one user in full', async () => {
    const user = sb.userAt(0, 0, 3);
    const { code, stdout } = await cli([
      'get',
      user.id,
      '--customer',
      sb.customers[0]!.customerId,
      '--tenant',
      sb.customers[0]!.tenants[0]!.tenantId,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: user.id, displayName: user.displayName, countryRegion: user.countryOrRegion });
    const missing = await cli([
      'get',
      '11111111-2222-4333-8444-555555555555',
      '--customer',
      sb.customers[0]!.customerId,
      '--tenant',
      sb.customers[0]!.tenants[0]!.tenantId,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/NOT_FOUND: AvePoint knows no such user/);
  });

  it('names need the customers permission, and say so; IDs work without it', async () => {
    const usersOnly = { AVEPOINT_CLIENT_ID: sb.usersOnlyClient.clientId, AVEPOINT_CLIENT_SECRET: sb.usersOnlyClient.clientSecret };
    const byName = await cli(['--customer', 'Contoso', '--tenant', 'Contoso Lab'], usersOnly);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toMatch(/lacks the elements\.customers\.read\.all permission/);
    const byId = await cli(
      ['--customer', sb.customers[0]!.customerId, '--tenant', sb.customers[0]!.tenants[1]!.tenantId, '--format', 'ndjson'],
      usersOnly,
    );
    expect(byId.code).toBe(0);
  });
});
