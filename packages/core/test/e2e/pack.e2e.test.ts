// The package as npm users get it: `pnpm pack`, `npm install` of the tarball into a scratch
// project (openapi-fetch comes from the registry), then import and require of both entry points,
// a page read through the installed client from a sandbox, and the installed CLI.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installIntoScratchProject, pack, scratchFolder } from '../../../../scripts/lib/pack.mjs';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '../..');
let scratch: string;
let removeScratch: (() => Promise<void>) | undefined;
let sb: Sandbox;

async function node(file: string, env: Record<string, string> = {}) {
  return run(process.execPath, [file], { cwd: scratch, env: { ...process.env, ...env } });
}

beforeAll(async () => {
  ({ dir: scratch, remove: removeScratch } = await scratchFolder('avepoint-core-pack'));
  await installIntoScratchProject(scratch, [await pack(packageDir, scratch)]);
  sb = await startSandbox({ users: 120, seed: 9 });
}, 300_000);

afterAll(async () => {
  await sb?.close();
  await removeScratch?.();
});

const sandboxEnv = () => ({
  BASE_URL: sb.baseUrl,
  TOKEN_URL: sb.tokenUrl,
  CLIENT_ID: sb.clientId,
  CLIENT_SECRET: sb.clientSecret,
  CUSTOMER: sb.customers[0]!.customerId,
  TENANT: sb.customers[0]!.tenants[0]!.tenantId,
});

const program = (load: string) => `
${load}
const { BASE_URL, TOKEN_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT } = process.env;
(async () => {
  const checks = {
    createUsersClient: typeof core.createUsersClient,
    protocolRedact: typeof protocol.redact,
    sameErrors: core.AvePointApiError === protocol.AvePointApiError,
    noInternals: typeof core.validateUsersPageInput + typeof protocol.backoffDelay,
    label: core.USER_STATUS_LABELS[core.UserStatus.PendingDeletion],
  };
  const client = core.createUsersClient({ baseUrl: BASE_URL, tokenUrl: TOKEN_URL, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  const page = await client.getUsersPage({ customerId: CUSTOMER, tenantId: TENANT, pageSize: 7 });
  let listed = 0;
  for await (const _ of client.listUsers({ customerId: CUSTOMER, tenantId: TENANT, pageSize: 50, concurrency: 2 })) listed++;
  console.log(JSON.stringify({ ...checks, users: page.users.length, totalCount: page.totalCount, listed }));
})().catch((e) => { console.error(e.code, e.message); process.exit(1); });
`;

describe('packed tarball', () => {
  it('works through import (ESM)', async () => {
    await writeFile(
      join(scratch, 'check.mjs'),
      program(`import * as core from '@avepoint-graph-kit/core';\nimport * as protocol from '@avepoint-graph-kit/core/protocol';`),
    );
    const { stdout } = await node('check.mjs', sandboxEnv());
    expect(JSON.parse(stdout)).toEqual({
      createUsersClient: 'function',
      protocolRedact: 'function',
      // One module graph per format: the root re-exports the protocol entry's very classes.
      sameErrors: true,
      // The export lists hold: protocol helpers are not on the root, internals on neither.
      noInternals: 'undefinedundefined',
      label: 'Pending deletion',
      users: 7,
      totalCount: 120,
      listed: 120,
    });
  });

  it('works through require (CommonJS)', async () => {
    await writeFile(
      join(scratch, 'check.cjs'),
      program(`const core = require('@avepoint-graph-kit/core');\nconst protocol = require('@avepoint-graph-kit/core/protocol');`),
    );
    const { stdout } = await node('check.cjs', sandboxEnv());
    expect(JSON.parse(stdout)).toMatchObject({
      createUsersClient: 'function',
      protocolRedact: 'function',
      sameErrors: true,
      noInternals: 'undefinedundefined',
      users: 7,
      listed: 120,
    });
  });

  it('installs the avepoint-users bin, which runs', async () => {
    const bin = join(scratch, 'node_modules', '.bin', 'avepoint-users');
    const { stdout } = await run(bin, ['--help'], { cwd: scratch });
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('--sandbox');
  });

  it('reads from a service with credentials from the environment', async () => {
    const bin = join(scratch, 'node_modules', '.bin', 'avepoint-users');
    const env = sandboxEnv();
    const { stdout } = await run(
      bin,
      [
        '--base-url',
        env.BASE_URL,
        '--token-url',
        env.TOKEN_URL,
        '--customer',
        env.CUSTOMER,
        '--tenant',
        env.TENANT,
        '--format',
        'ndjson',
        '--limit',
        '5',
      ],
      {
        cwd: scratch,
        env: { ...process.env, AVEPOINT_CLIENT_ID: env.CLIENT_ID, AVEPOINT_CLIENT_SECRET: env.CLIENT_SECRET },
      },
    );
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('without the optional sandbox package, --sandbox says how to get it', async () => {
    const bin = join(scratch, 'node_modules', '.bin', 'avepoint-users');
    const failure = await run(bin, ['--sandbox'], { cwd: scratch }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('npm install -D @avepoint-graph-kit/sandbox');
  });
});
