import { createPublicKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointAuthError, AvePointInputError, createTokenCache, createUsersClient } from '../../src/index.js';
import { fakeTime } from '../support/fake-time.js';
import { closeSandboxes, startInProcessSandbox, type InProcessSandbox } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

const page = (s: InProcessSandbox) => ({ ...s.tenant, pageSize: 10 });

describe('token cache', () => {
  it('fetches a token on first use and reuses it', async () => {
    const s = await startInProcessSandbox();
    const client = s.client();
    await client.getUsersPage(page(s));
    await client.getUsersPage(page(s));
    await client.getUsersPage(page(s));
    expect(s.tokenRequests()).toHaveLength(1);
    expect(new Set(s.apiRequests().map((r) => r.headers.get('authorization')))).toEqual(new Set([`Bearer ${s.issuedTokens[0]}`]));
  });

  it('shares one token request between concurrent callers', async () => {
    const s = await startInProcessSandbox();
    const client = s.client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.getUsersPage({ ...page(s), pageIndex: i + 1 })));
    expect(s.tokenRequests()).toHaveLength(1);
    expect(s.apiRequests()).toHaveLength(8);
  });

  it('refreshes before expiry, using the injected clock', async () => {
    const s = await startInProcessSandbox({ tokenTtlSeconds: 3600 });
    const client = s.client();
    await client.getUsersPage(page(s));
    s.time.advance(3600_000 - 120_000); // two minutes left: still fresh
    await client.getUsersPage(page(s));
    expect(s.tokenRequests()).toHaveLength(1);
    s.time.advance(90_000); // thirty seconds left: inside the refresh window
    await client.getUsersPage(page(s));
    expect(s.tokenRequests()).toHaveLength(2);
    expect(s.issuedTokens[1]).not.toBe(s.issuedTokens[0]);
    expect(s.apiRequests().at(-1)!.headers.get('authorization')).toBe(`Bearer ${s.issuedTokens[1]}`);
    // Refreshed ahead of time: the sandbox never had to refuse the old token.
    expect(s.sb.stats().byStatus[401]).toBeUndefined();
  });

  it('retries once, transparently, with a new token after a 401, and shares that refresh', async () => {
    const s = await startInProcessSandbox();
    const client = s.client();
    await client.getUsersPage(page(s));
    s.sb.expireTokens();
    const pages = await Promise.all(Array.from({ length: 5 }, (_, i) => client.getUsersPage({ ...page(s), pageIndex: i + 1 })));
    expect(pages.map((p) => p.pageIndex)).toEqual([1, 2, 3, 4, 5]);
    expect(s.tokenRequests()).toHaveLength(2);
    expect(s.sb.stats().byStatus[401]).toBeGreaterThanOrEqual(1);
    expect(s.apiRequests().at(-1)!.headers.get('authorization')).toBe(`Bearer ${s.issuedTokens[1]}`);
  });

  it('gives up with UNAUTHORIZED when the fresh token is refused too', async () => {
    const s = await startInProcessSandbox();
    const client = s.client();
    // Every users request expires every token first: the fresh one is refused as well.
    s.sb.setFaults([{ match: { path: 'users' }, expireTokens: true }]);
    const error = await client.getUsersPage(page(s)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(s.apiRequests()).toHaveLength(2);
    expect(s.tokenRequests()).toHaveLength(2);
  });

  it('reports a refused client secret as AvePointAuthError with the OAuth error, without the secret', async () => {
    const s = await startInProcessSandbox();
    const wrong = 'sUp3r-s3cret-value-xyz';
    for (const credentials of [
      { clientId: s.sb.clientId, clientSecret: wrong },
      { clientId: 'someone-else', clientSecret: s.sb.clientSecret },
    ]) {
      const client = createUsersClient({ baseUrl: s.sb.baseUrl, tokenUrl: s.sb.tokenUrl, credentials, fetch: s.fetch });
      const error = (await client.getUsersPage(page(s)).catch((e: unknown) => e)) as AvePointAuthError;
      expect(error).toBeInstanceOf(AvePointAuthError);
      // The sandbox answers as RFC 6749 section 5.2 says for a failed client authentication: 401.
      expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, oauthError: 'invalid_client' });
      expect(error.message).not.toContain(credentials.clientSecret);
    }
    expect(s.tokenRequests()).toHaveLength(2);
    expect(s.apiRequests()).toHaveLength(0);
  });

  it('a failed token request is not cached: the next call tries again', async () => {
    let calls = 0;
    const cache = createTokenCache({
      now: () => 0,
      fetchToken: async () => {
        calls++;
        if (calls === 1) throw new Error('down');
        return { accessToken: 'tok-ok', expiresInSeconds: 3600, tokenType: 'Bearer', scope: undefined };
      },
    });
    await expect(cache.getToken()).rejects.toThrow('down');
    await expect(cache.getToken()).resolves.toBe('tok-ok');
    expect(calls).toBe(2);
  });
});

describe('bearer token scope', () => {
  it('sends the token only to the configured API host', async () => {
    const s = await startInProcessSandbox();
    const client = s.client({ retry: false });
    // Another host: no such host resolves (the in-process fetch serves the sandbox's origin only).
    const error = await client.api
      .POST('/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch', {
        baseUrl: 'https://elsewhere.example.test',
        params: { path: s.tenant, query: { pageIndex: 1, pageSize: 1 } },
        body: {},
        headers: { authorization: 'Bearer smuggled' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    const sent = s.sent.at(-1)!;
    expect(sent.url.origin).toBe('https://elsewhere.example.test');
    expect(sent.headers.get('authorization')).toBeNull();
    expect(s.tokenRequests()).toHaveLength(0);
  });

  it('does not follow redirects with the token', async () => {
    const s = await startInProcessSandbox();
    await s.client().getUsersPage(page(s));
    // The token request carries the secret, the API request the token: neither may follow one.
    expect(s.sent.map((r) => r.redirect)).toEqual(['manual', 'manual']);
  });

  it('refuses plain http except on loopback', () => {
    const make = (baseUrl: string) => () =>
      createUsersClient({ baseUrl, tokenUrl: 'http://127.0.0.1:1/token', credentials: { accessToken: 'x-token' } });
    expect(make('http://graph.example.test')).toThrow(AvePointInputError);
    expect(make('http://127.0.0.1:4010')).not.toThrow();
  });
});

describe('bring your own token', () => {
  it('sends a static token and does not touch the token endpoint', async () => {
    const s = await startInProcessSandbox();
    await s.client().getUsersPage(page(s)); // the sandbox issues a token
    const token = s.issuedTokens[0]!;
    const client = createUsersClient({ baseUrl: s.sb.baseUrl, credentials: { accessToken: token }, fetch: s.fetch });
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    expect(s.tokenRequests()).toHaveLength(1);
    expect(s.apiRequests().at(-1)!.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('asks a token function again after a 401', async () => {
    const s = await startInProcessSandbox();
    await s.client().getUsersPage(page(s));
    await s.client().getUsersPage(page(s));
    const handed = ['stale-token', s.issuedTokens[1]!];
    let asked = 0;
    const client = createUsersClient({ baseUrl: s.sb.baseUrl, credentials: { accessToken: async () => handed[asked++]! }, fetch: s.fetch });
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    expect(asked).toBe(2);
    expect(
      s
        .apiRequests()
        .slice(-2)
        .map((r) => r.headers.get('authorization')),
    ).toEqual(['Bearer stale-token', `Bearer ${s.issuedTokens[1]}`]);
  });
});

describe('certificate credentials', () => {
  it('posts an RS256 client assertion the public key verifies, with iss/sub/aud/jti/exp, and the identity service takes it', async () => {
    const time = fakeTime();
    const s = await startInProcessSandbox({ time });
    const { certificate } = s.sb;
    const client = createUsersClient({
      baseUrl: s.sb.baseUrl,
      tokenUrl: s.sb.tokenUrl,
      credentials: {
        clientId: certificate.clientId,
        privateKeyPem: certificate.privateKeyPem,
        certificateThumbprint: certificate.certificateThumbprint,
      },
      fetch: s.fetch,
      now: time.now,
    });
    const result = await client.getUsersPage(page(s));
    expect(result.users).toHaveLength(10);
    const form = new URLSearchParams(s.tokenRequests()[0]!.body);
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.has('client_secret')).toBe(false);
    const [h, p, sig] = form.get('client_assertion')!.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.x5t).toBe(Buffer.from(certificate.certificateThumbprint, 'hex').toString('base64url'));
    expect(payload).toMatchObject({ iss: certificate.clientId, sub: certificate.clientId, aud: s.sb.tokenUrl, iat: time.now() / 1000 });
    expect(payload.exp).toBeGreaterThan(payload.iat);
    expect(typeof payload.jti).toBe('string');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey(certificate.certificatePem), Buffer.from(sig!, 'base64url'))).toBe(
      true,
    );
    expect(s.sb.stats().byStatus[200]).toBe(2);
  });

  it('rejects a bad private key when the client is created', () => {
    expect(() =>
      createUsersClient({
        baseUrl: 'https://graph.example.test',
        tokenUrl: 'https://identity.example.test/connect/token',
        credentials: { clientId: 'app-client-id', privateKeyPem: 'not a key' },
      }),
    ).toThrow(AvePointInputError);
  });
});
