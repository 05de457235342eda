// The client secret, the private key and every access token must appear in no error message (nor
// its inspected form, causes included), no log line and no CLI output, whatever goes wrong.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersClient, type Credentials } from '../../src/index.js';
import { runCli } from '../../src/cli/run.js';
import { capture } from '../support/capture.js';

let sb: Sandbox;
const issuedTokens: string[] = [];
const assertions: string[] = [];
const texts: string[] = [];

/** Real fetch that remembers every access token and client assertion that crossed the wire. */
async function spyingFetch(request: Request): Promise<Response> {
  if (request.url === sb.tokenUrl) {
    const assertion = new URLSearchParams(await request.clone().text()).get('client_assertion');
    if (assertion) assertions.push(assertion);
  }
  const response = await fetch(request);
  if (request.url === sb.tokenUrl) {
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { access_token?: string };
    if (body.access_token) issuedTokens.push(body.access_token);
  }
  return response;
}

const otherKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const byoToken = 'byo-access-token-0123456789abcdef';
const wrongSecret = 'wrong-secret-0123456789';

function secrets(): string[] {
  const pemBodies = [sb.certificate.privateKeyPem, otherKeyPem].flatMap((pem) => [
    pem,
    ...pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----')),
  ]);
  return [sb.clientSecret, wrongSecret, byoToken, ...pemBodies, ...issuedTokens, ...assertions];
}

function leaks(text: string): string[] {
  return secrets()
    .filter((secret) => text.includes(secret))
    .map((s) => `${s.slice(0, 6)}... found`);
}

async function failure(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  texts.push(String((error as Error).message), inspect(error, { depth: 8 }), JSON.stringify(error));
}

beforeAll(async () => {
  sb = await startSandbox({ users: 300, seed: 5 });
});
afterAll(async () => {
  await sb.close();
});

describe('no secret in any output', () => {
  const tenant = () => ({ customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId });
  const logLines: string[] = [];
  const make = (credentials: Credentials, extra: Record<string, unknown> = {}) =>
    createUsersClient({
      baseUrl: sb.baseUrl,
      tokenUrl: sb.tokenUrl,
      credentials,
      fetch: spyingFetch,
      sleep: async () => undefined,
      logger: { warn: (l) => logLines.push(l), debug: (l) => logLines.push(l) },
      ...extra,
    });

  it('library errors and logs', async () => {
    const good = make({ clientId: sb.clientId, clientSecret: sb.clientSecret });
    await good.getUsersPage(tenant());
    // refused secret, refused certificate, refused own token
    await failure(make({ clientId: sb.clientId, clientSecret: wrongSecret }).getUsersPage(tenant()));
    await failure(make({ clientId: sb.certificate.clientId, privateKeyPem: otherKeyPem }).getUsersPage(tenant()));
    await failure(make({ accessToken: byoToken }).getUsersPage(tenant()));
    // tokens that keep expiring: 401 after the refresh too
    sb.setFaults([{ match: { path: 'users' }, expireTokens: true }]);
    await failure(good.getUsersPage(tenant()));
    // the identity service failing, and the API rate limiting until the client gives up
    sb.setFaults([{ match: { path: 'token' }, status: 503, body: 'identity down' }]);
    await failure(make({ clientId: sb.clientId, clientSecret: sb.clientSecret }, { retry: { maxRetries: 2 } }).getUsersPage(tenant()));
    sb.setFaults([{ match: { path: 'users' }, status: 429, retryAfter: '0' }]);
    await failure(good.getUsersPage(tenant()));
    sb.setFaults([{ match: { path: 'users' }, reset: true }]);
    await failure(make({ clientId: sb.clientId, clientSecret: sb.clientSecret }, { retry: { maxRetries: 1 } }).getUsersPage(tenant()));
    sb.setFaults([]);
    // nothing listening
    await failure(
      createUsersClient({ baseUrl: 'http://127.0.0.1:9', credentials: { accessToken: byoToken }, retry: false }).getUsersPage(tenant()),
    );

    texts.push(...logLines);
    expect(issuedTokens.length).toBeGreaterThanOrEqual(3);
    expect(assertions.length).toBeGreaterThanOrEqual(1);
    expect(logLines.length).toBeGreaterThan(0);
    expect(texts.flatMap(leaks)).toEqual([]);
  });

  it('CLI stdout and stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avepoint-leak-'));
    await writeFile(join(dir, 'key.pem'), sb.certificate.privateKeyPem);
    await writeFile(join(dir, 'other.pem'), otherKeyPem);
    const t = tenant();
    const base = [
      '--base-url',
      sb.baseUrl,
      '--token-url',
      sb.tokenUrl,
      '--customer',
      t.customerId,
      '--tenant',
      t.tenantId,
      '--verbose',
      '--summary',
    ];
    const envs: Array<Record<string, string>> = [
      { AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: sb.clientSecret },
      { AVEPOINT_CLIENT_ID: sb.clientId, AVEPOINT_CLIENT_SECRET: wrongSecret },
      { AVEPOINT_CLIENT_ID: sb.certificate.clientId, AVEPOINT_PRIVATE_KEY_FILE: join(dir, 'key.pem') },
      { AVEPOINT_CLIENT_ID: sb.certificate.clientId, AVEPOINT_PRIVATE_KEY_FILE: join(dir, 'other.pem') },
      { AVEPOINT_ACCESS_TOKEN: byoToken },
    ];
    const faultSets = [
      [],
      [{ match: { path: 'users' as const, nth: 2 }, status: 429 as const, retryAfter: '0' }],
      [{ match: { path: 'users' as const }, expireTokens: true as const }],
    ];
    let runs = 0;
    for (const env of envs) {
      for (const faults of faultSets) {
        sb.setFaults(faults);
        const out = capture();
        const err = capture();
        await runCli([...base, '--format', 'ndjson', '--page-size', '50'], {
          stdout: out.stream,
          stderr: err.stream,
          env,
          fetch: spyingFetch,
        });
        texts.push(out.text(), err.text());
        runs++;
      }
    }
    sb.setFaults([]);
    expect(runs).toBe(15);
    expect(texts.join('\n')).toMatch(/retry 1 of/); // the verbose log lines are among what is checked
    expect(texts.flatMap(leaks)).toEqual([]);
  });

  it('the check itself finds a planted secret', () => {
    expect(leaks(`oops ${sb.clientSecret} oops`)).toHaveLength(1);
    expect(leaks(`Bearer ${issuedTokens[0]!}`)).toHaveLength(1);
  });
});
