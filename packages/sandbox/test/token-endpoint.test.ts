// The identity service over real HTTP: client secret, certificate assertion, and each OAuth error.
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, tokenRequest } from './helpers.js';

let sb: Sandbox;
const nowMs = Date.UTC(2026, 5, 1, 12);
const nowS = () => Math.floor(nowMs / 1000);

beforeAll(async () => {
  sb = await startSandbox({ users: 20, clock: () => nowMs });
});
afterAll(() => sb.close());

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const x5t = () => Buffer.from(sb.certificate.certificateThumbprint, 'hex').toString('base64url');

function assertion(
  overrides: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  pem = sb.certificate.privateKeyPem,
): string {
  const payload = {
    iss: sb.certificate.clientId,
    sub: sb.certificate.clientId,
    aud: sb.tokenUrl,
    jti: randomUUID(),
    iat: nowS(),
    nbf: nowS(),
    exp: nowS() + 300,
    ...overrides,
  };
  const input = `${b64({ alg: 'RS256', typ: 'JWT', x5t: x5t(), ...header })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(pem)).toString('base64url')}`;
}

const assertionForm = (jwt: string, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: sb.certificate.clientId,
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: jwt,
  scope: 'elements.um.user.read.all',
  ...extra,
});

const secretForm = (extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: sb.clientId,
  client_secret: sb.clientSecret,
  scope: 'elements.um.user.read.all',
  ...extra,
});

function expectOAuthError(
  res: { status: number; body: Record<string, unknown>; text: string; headers: Headers },
  status: number,
  error: string,
): void {
  expect(res.status).toBe(status);
  expect(res.body.error).toBe(error);
  expect(typeof res.body.error_description).toBe('string');
  expect(res.headers.get('cache-control')).toBe('no-store');
  // No credential is ever echoed back.
  expect(res.text).not.toContain(sb.clientSecret);
  expect(res.text).not.toContain('eyJ');
}

describe('client secret', () => {
  it('issues a Bearer token with expires_in and scope, which the API accepts', async () => {
    const res = await tokenRequest(sb, secretForm());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'elements.um.user.read.all' });
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await callUsers(sb, { token: res.body.access_token as string })).status).toBe(200);
  });

  it('accepts HTTP Basic client authentication too', async () => {
    const basic = Buffer.from(`${sb.clientId}:${sb.clientSecret}`).toString('base64');
    const res = await tokenRequest(
      sb,
      { grant_type: 'client_credentials', scope: 'elements.um.user.read.all' },
      { headers: { authorization: `Basic ${basic}` } },
    );
    expect(res.status).toBe(200);
  });

  it('grants the registered scope when none is asked for', async () => {
    const res = await tokenRequest(sb, secretForm({ scope: '' }));
    expect(res.status).toBe(200);
    // The demo app is granted both permissions the sandbox knows.
    expect(String(res.body.scope).split(' ').sort()).toEqual(['elements.customers.read.all', 'elements.um.user.read.all']);
  });

  it('401 invalid_client for a wrong secret, an unknown client, or no secret', async () => {
    expectOAuthError(await tokenRequest(sb, secretForm({ client_secret: 'wrong' })), 401, 'invalid_client');
    expectOAuthError(await tokenRequest(sb, secretForm({ client_id: randomUUID() })), 401, 'invalid_client');
    const { client_secret: _omit, ...noSecret } = secretForm();
    expectOAuthError(await tokenRequest(sb, noSecret), 401, 'invalid_client');
    const { client_id: _omitId, client_secret: _omitSecret, ...anonymous } = secretForm();
    expectOAuthError(await tokenRequest(sb, anonymous), 401, 'invalid_client');
  });

  it('401 with WWW-Authenticate: Basic when Basic credentials fail', async () => {
    const basic = Buffer.from(`${sb.clientId}:nope`).toString('base64');
    const res = await tokenRequest(sb, { grant_type: 'client_credentials' }, { headers: { authorization: `Basic ${basic}` } });
    expectOAuthError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});

describe('OAuth request errors', () => {
  it('400 invalid_request without grant_type, with a repeated parameter, or with two auth methods', async () => {
    const { grant_type: _omit, ...noGrant } = secretForm();
    expectOAuthError(await tokenRequest(sb, noGrant), 400, 'invalid_request');
    const repeated = await fetch(sb.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${new URLSearchParams(secretForm()).toString()}&scope=elements.um.user.read.all`,
    });
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { error: string }).error).toBe('invalid_request');
    expectOAuthError(
      await tokenRequest(sb, {
        ...secretForm(),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'x.y.z',
      }),
      400,
      'invalid_request',
    );
  });

  it('400 invalid_request for a JSON body instead of a form', async () => {
    const res = await fetch(sb.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(secretForm()),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('400 unsupported_grant_type for any grant but client_credentials', async () => {
    expectOAuthError(await tokenRequest(sb, secretForm({ grant_type: 'password' })), 400, 'unsupported_grant_type');
  });

  it('400 invalid_scope for an unknown scope, or one the app was not granted', async () => {
    expectOAuthError(await tokenRequest(sb, secretForm({ scope: 'elements.um.user.write.all' })), 400, 'invalid_scope');
    const unscoped = {
      grant_type: 'client_credentials',
      client_id: sb.unscopedClient.clientId,
      client_secret: sb.unscopedClient.clientSecret,
      scope: 'elements.um.user.read.all',
    };
    expectOAuthError(await tokenRequest(sb, unscoped), 400, 'invalid_scope');
  });

  it('405 for GET', async () => {
    const res = await fetch(sb.tokenUrl);
    expect(res.status).toBe(405);
  });
});

describe('certificate (RS256 client assertion)', () => {
  it('issues a token for a valid assertion, which the API accepts', async () => {
    const res = await tokenRequest(sb, assertionForm(assertion()));
    expect(res.status).toBe(200);
    expect((await callUsers(sb, { token: res.body.access_token as string })).status).toBe(200);
  });

  it('accepts an assertion without x5t and without client_id, and aud as an array', async () => {
    const { client_id: _omit, ...form } = assertionForm(assertion({ aud: [sb.tokenUrl, 'https://other.example'] }, { x5t: undefined }));
    expect((await tokenRequest(sb, form)).status).toBe(200);
  });

  it('tolerates 60 seconds of clock skew on nbf and exp', async () => {
    expect((await tokenRequest(sb, assertionForm(assertion({ nbf: nowS() + 30, iat: nowS() + 30 })))).status).toBe(200);
    expect((await tokenRequest(sb, assertionForm(assertion({ exp: nowS() - 30 })))).status).toBe(200);
  });

  const refusals: Array<[string, () => string]> = [
    [
      'a signature by another key',
      () =>
        assertion(
          {},
          {},
          generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        ),
    ],
    [
      'a tampered payload',
      () => {
        const [h, , s] = assertion().split('.');
        return `${h}.${b64({ iss: sb.certificate.clientId, sub: sb.certificate.clientId, aud: sb.tokenUrl, jti: 'x', exp: nowS() + 60 })}.${s}`;
      },
    ],
    ['another audience', () => assertion({ aud: 'https://identity.avepointonlineservices.com/connect/token' })],
    ['sub different from iss', () => assertion({ sub: sb.clientId })],
    ['an expired assertion', () => assertion({ exp: nowS() - 61 })],
    ['an assertion not valid yet', () => assertion({ nbf: nowS() + 120 })],
    ['an assertion living too long', () => assertion({ exp: nowS() + 7200 })],
    ['no jti', () => assertion({ jti: undefined })],
    ['no exp', () => assertion({ exp: undefined })],
    [
      'alg none',
      () => {
        const [, p] = assertion().split('.');
        return `${b64({ alg: 'none' })}.${p}.`;
      },
    ],
    ['HS256', () => assertion({}, { alg: 'HS256' })],
    ['a wrong x5t', () => assertion({}, { x5t: Buffer.alloc(20, 1).toString('base64url') })],
    ['not a JWT', () => 'abc'],
  ];
  for (const [name, make] of refusals) {
    it(`401 invalid_client for ${name}`, async () => {
      expectOAuthError(await tokenRequest(sb, assertionForm(make())), 401, 'invalid_client');
    });
  }

  it('401 invalid_client for a replayed jti', async () => {
    const jwt = assertion();
    expect((await tokenRequest(sb, assertionForm(jwt))).status).toBe(200);
    expectOAuthError(await tokenRequest(sb, assertionForm(jwt)), 401, 'invalid_client');
  });

  it('401 invalid_client when client_id and the assertion issuer differ', async () => {
    expectOAuthError(await tokenRequest(sb, assertionForm(assertion(), { client_id: sb.clientId })), 401, 'invalid_client');
  });

  it('400 invalid_request for a wrong client_assertion_type', async () => {
    expectOAuthError(await tokenRequest(sb, assertionForm(assertion(), { client_assertion_type: 'jwt' })), 400, 'invalid_request');
  });

  it('the secret client cannot use an assertion and the certificate client has no secret', async () => {
    expectOAuthError(
      await tokenRequest(sb, secretForm({ client_id: sb.certificate.clientId, client_secret: sb.clientSecret })),
      401,
      'invalid_client',
    );
    expectOAuthError(
      await tokenRequest(sb, assertionForm(assertion({ iss: sb.clientId, sub: sb.clientId }), { client_id: sb.clientId })),
      401,
      'invalid_client',
    );
  });
});

describe('OpenID discovery', () => {
  it('names the issuer and the token endpoint', async () => {
    const res = await fetch(`${sb.baseUrl}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(sb.baseUrl);
    expect(doc.token_endpoint).toBe(sb.tokenUrl);
    expect(doc.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('Basic and body credentials together', () => {
  it('400 invalid_request when client_id in the body differs from the Basic user', async () => {
    const basic = Buffer.from(`${sb.clientId}:${sb.clientSecret}`).toString('base64');
    const res = await tokenRequest(
      sb,
      { grant_type: 'client_credentials', client_id: sb.certificate.clientId },
      { headers: { authorization: `Basic ${basic}` } },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });
});
