import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AvePointAuthError,
  AvePointInputError,
  buildTokenForm,
  parseTokenResponse,
  redact,
  resolveEndpoints,
  resolveEnvironmentChoice,
} from '../../src/protocol/index.js';
import { buildClientAssertion } from '../../src/protocol/auth/client-assertion.js';
import { buildClientAssertionTokenForm, buildClientSecretTokenForm } from '../../src/protocol/auth/token-request.js';
import { tokenIsFresh } from '../../src/protocol/auth/token-response.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('client assertion', () => {
  it('is an RS256 JWT with iss = sub = client id, aud = token URL, unique jti, short exp, verifiable', () => {
    const jwt = buildClientAssertion({
      clientId: 'app-1',
      tokenUrl: 'https://id.example/connect/token',
      privateKeyPem,
      certificateThumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
      nowSeconds: 1_000,
    });
    const [h, p, s] = jwt.split('.') as [string, string, string];
    expect(decode(h)).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      x5t: Buffer.from('A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', 'hex').toString('base64url'),
    });
    const payload = decode(p);
    expect(payload).toMatchObject({ iss: 'app-1', sub: 'app-1', aud: 'https://id.example/connect/token', iat: 1000, exp: 1300 });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey(privateKey), Buffer.from(s, 'base64url'))).toBe(true);
    const other = buildClientAssertion({ clientId: 'app-1', tokenUrl: 'x', privateKeyPem, nowSeconds: 1000 });
    expect(decode(other.split('.')[1]!).jti).not.toBe(payload.jti);
  });

  it('refuses a key that is not an RSA PEM, without echoing it', () => {
    const error = (() => {
      try {
        buildClientAssertion({ clientId: 'a', tokenUrl: 'x', privateKeyPem: 'secret-garbage', nowSeconds: 0 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AvePointInputError);
    expect(String((error as Error).message)).not.toContain('secret-garbage');
  });
});

describe('token exchange', () => {
  it('builds the documented forms', () => {
    expect(
      new URLSearchParams(buildClientSecretTokenForm({ clientId: 'c', clientSecret: 's&x', scope: 'elements.um.user.read.all' })).get(
        'client_secret',
      ),
    ).toBe('s&x');
    const form = new URLSearchParams(buildClientAssertionTokenForm({ clientId: 'c', clientAssertion: 'j.w.t', scope: 'sc' }));
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'c',
      scope: 'sc',
      client_assertion: 'j.w.t',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
  });

  it('reads a token and refuses errors with the OAuth error but not the body', () => {
    expect(parseTokenResponse(200, { access_token: 'tok', expires_in: 3600, token_type: 'Bearer' })).toMatchObject({
      accessToken: 'tok',
      expiresInSeconds: 3600,
    });
    try {
      parseTokenResponse(401, { error: 'invalid_client', error_description: 'bad secret', access_token: 'leak' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AvePointAuthError);
      expect((error as AvePointAuthError).oauthError).toBe('invalid_client');
      expect((error as Error).message).toContain('check the client ID');
      expect((error as Error).message).not.toContain('leak');
    }
    expect(() => parseTokenResponse(200, 'x')).toThrow(AvePointAuthError);
  });

  it('invalid_scope names the permission asked for, or each of several', () => {
    const refusal = (scope: string) => {
      try {
        parseTokenResponse(400, { error: 'invalid_scope' }, scope);
      } catch (error) {
        return error as AvePointAuthError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('elements.customers.read.all').message).toContain('lacks the elements.customers.read.all permission');
    const both = refusal('elements.um.user.read.all elements.customers.read.all');
    expect(both.message).toContain('lacks one of the permissions elements.um.user.read.all, elements.customers.read.all');
    expect(both.permission).toBe('elements.um.user.read.all elements.customers.read.all');
  });

  it('refreshes before expiry', () => {
    expect(tokenIsFresh({ expiresAtMs: 100_000, nowMs: 0 })).toBe(true);
    expect(tokenIsFresh({ expiresAtMs: 100_000, nowMs: 50_000 })).toBe(false);
  });
});

describe('endpoints and redaction', () => {
  it('resolves environments and allows http only on loopback', () => {
    expect(resolveEndpoints({ environment: 'gov' }).baseUrl).toBe('https://graph-gov.avepointonlineservices.com');
    expect(resolveEndpoints({ baseUrl: 'http://127.0.0.1:4010/', tokenUrl: 'http://127.0.0.1:4010/connect/token' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
    expect(() => resolveEndpoints({ baseUrl: 'http://example.com', tokenUrl: 'https://x/t' })).toThrow(/baseUrl.*https/);
    expect(() => resolveEndpoints({ environment: 'mars' as never })).toThrow(/environment/);
  });

  it('redacts listed secrets and any bearer token', () => {
    expect(redact('secret=abcd1234 Authorization: Bearer eyJ.x-y_z', ['abcd1234'])).toBe(
      'secret=[REDACTED] Authorization: Bearer [REDACTED]',
    );
  });
});

describe('resolveEnvironmentChoice', () => {
  it('takes a named environment (empty means commercial) and ignores leftover custom URLs', () => {
    expect(resolveEnvironmentChoice({ environment: 'aos2', baseUrl: 'https://evil.example', tokenUrl: 'https://evil.example/t' })).toEqual({
      baseUrl: 'https://graph-aos2.avepointonlineservices.com',
      tokenUrl: 'https://identity-aos2.avepointonlineservices.com/connect/token',
    });
    expect(resolveEnvironmentChoice({ environment: '' }).baseUrl).toBe('https://graph.avepointonlineservices.com');
  });

  it('needs both URLs for custom, with the loopback rule for http', () => {
    expect(
      resolveEnvironmentChoice({
        environment: 'custom',
        baseUrl: ' http://127.0.0.1:4010/ ',
        tokenUrl: 'http://127.0.0.1:4010/connect/token',
      }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      tokenUrl: 'http://127.0.0.1:4010/connect/token',
    });
    expect(() => resolveEnvironmentChoice({ environment: 'custom', tokenUrl: 'https://x/t' })).toThrow(
      /baseUrl: is required for a custom environment/,
    );
    expect(() => resolveEnvironmentChoice({ environment: 'custom', baseUrl: 'https://x' })).toThrow(/tokenUrl: is required/);
    expect(() => resolveEnvironmentChoice({ environment: 'custom', baseUrl: 'http://x.example', tokenUrl: 'https://x/t' })).toThrow(
      /https/,
    );
  });
});

describe('buildTokenForm', () => {
  it('posts the secret for a secret credential, and a fresh signed assertion for a certificate', () => {
    const ctx = { tokenUrl: 'https://id.example/connect/token', scope: 'elements.um.user.read.all', nowSeconds: 1000 };
    expect(Object.fromEntries(new URLSearchParams(buildTokenForm({ clientId: 'c', clientSecret: 's' }, ctx)))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'c',
      client_secret: 's',
      scope: 'elements.um.user.read.all',
    });
    const forms = [1, 2].map(() => new URLSearchParams(buildTokenForm({ clientId: 'c', privateKeyPem }, ctx)));
    const payloads = forms.map((f) => decode(f.get('client_assertion')!.split('.')[1]!));
    expect(forms[0]!.has('client_secret')).toBe(false);
    expect(payloads[0]).toMatchObject({ iss: 'c', sub: 'c', aud: ctx.tokenUrl, exp: 1300 });
    expect(payloads[0].jti).not.toBe(payloads[1].jti);
  });
});
