// The package as npm users get it: `pnpm pack` of the sandbox and of the spec package it reads,
// `npm install` of both tarballs into a scratch project (ajv, ajv-formats and yaml come from the
// registry), then import and require of both entry points and the installed CLI.
import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installIntoScratchProject, pack, scratchFolder } from '../../../../scripts/lib/pack.mjs';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '../..');
const specDir = resolve(packageDir, '../../spec');
let scratch: string;
let removeScratch: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ dir: scratch, remove: removeScratch } = await scratchFolder('avepoint-sandbox-pack'));
  const tarballs = [await pack(packageDir, scratch), await pack(specDir, scratch)];
  await installIntoScratchProject(scratch, tarballs);
});

afterAll(async () => {
  await removeScratch?.();
});

// Starts a sandbox from the installed package, reads a page with a token, validates it with the
// installed contract validator (which must find openapi.yaml in the installed spec package), and
// reads the same page from a sandbox served in process.
const program = (load: string) => `
${load}
(async () => {
  const sb = await sandbox.startSandbox({ users: 30, seed: 4 });
  try {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.clientId, client_secret: sb.clientSecret, scope: 'elements.um.user.read.all' });
    const token = (await (await fetch(sb.tokenUrl, { method: 'POST', body: form })).json()).access_token;
    const res = await fetch(sb.usersUrl() + '?pageSize=100', { method: 'POST', headers: { authorization: 'Bearer ' + token } });
    const body = await res.json();
    const validator = contract.createContractValidator();
    const verdict = validator.validateUsersBatchResponse(res.status, body);
    const broken = validator.validateUsersBatchResponse(200, { data: body.data });
    // The same world in process: no socket, the same page.
    const local = await sandbox.startSandbox({ users: 30, seed: 4, listen: false });
    const localForm = new URLSearchParams({ grant_type: 'client_credentials', client_id: local.clientId, client_secret: local.clientSecret });
    const localToken = (await (await local.fetch(local.tokenUrl, { method: 'POST', body: localForm })).json()).access_token;
    const localPage = await (await local.fetch(local.usersUrl() + '?pageSize=100', { method: 'POST', headers: { authorization: 'Bearer ' + localToken } })).json();
    await local.close();
    const inProcess = local.baseUrl === sandbox.IN_PROCESS_ORIGIN && JSON.stringify(localPage) === JSON.stringify(body);
    console.log(JSON.stringify({ status: res.status, totalCount: body.metadata.totalCount, same: body.data[5].id === sb.userAt(0, 0, 5).id, valid: verdict.valid, brokenValid: broken.valid, inProcess }));
  } finally {
    await sb.close();
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
`;

const expected = { status: 200, totalCount: 30, same: true, valid: true, brokenValid: false, inProcess: true };

describe('packed tarball', () => {
  it('works through import (ESM)', async () => {
    await writeFile(
      join(scratch, 'check.mjs'),
      program(`import * as sandbox from '@avepoint-graph-kit/sandbox';\nimport * as contract from '@avepoint-graph-kit/sandbox/contract';`),
    );
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: scratch });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('works through require (CommonJS)', async () => {
    await writeFile(
      join(scratch, 'check.cjs'),
      program(`const sandbox = require('@avepoint-graph-kit/sandbox');\nconst contract = require('@avepoint-graph-kit/sandbox/contract');`),
    );
    const { stdout } = await run(process.execPath, ['check.cjs'], { cwd: scratch });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('installs the avepoint-sandbox bin, which starts and stops cleanly', async () => {
    const child = spawn(join(scratch, 'node_modules/.bin/avepoint-sandbox'), ['--port', '0', '--users', '7', '--json'], {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolveLine, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolveLine(out.split('\n')[0] ?? '');
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const details = JSON.parse(line) as { baseUrl: string; customers: Array<{ tenants: Array<{ users: number }> }> };
    expect(details.customers[0]?.tenants[0]?.users).toBe(7);
    const discovery = (await (await fetch(`${details.baseUrl}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(discovery.issuer).toBe(details.baseUrl);
    const exit = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});
