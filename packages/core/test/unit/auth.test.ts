import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AvePointApiError, AvePointAuthError, AvePointInputError, createTokenCache, createUsersClient } from '../../src/index.js';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT, TOKEN_URL, createFakeApi, fakeTime, createFakeClient } from '../support/fake-api.js';

const page = { customerId: CUSTOMER, tenantId: TENANT, pageSize: 10 };

function secretClient(api: ReturnType<typeof createFakeApi>, time = fakeTime(), extra: Record<string, unknown> = {}) {
  return createFakeClient(api, time, extra);
}

describe('token cache', () => {
  it('fetches a token on first use and reuses it', async () => {
    const api = createFakeApi();
    const client = secretClient(api);
    await client.getUsersPage(page);
    await client.getUsersPage(page);
    await client.getUsersPage(page);
    expect(api.tokenRequests()).toHaveLength(1);
  });

  it('shares one token request between concurrent callers', async () => {
    const api = createFakeApi();
    const client = secretClient(api);
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.getUsersPage({ ...page, pageIndex: i + 1 })));
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(8);
  });

  it('refreshes before expiry, using the injected clock', async () => {
    const api = createFakeApi({ tokenTtlSeconds: 3600 });
    const time = fakeTime();
    const client = secretClient(api, time);
    await client.getUsersPage(page);
    time.advance(3600_000 - 120_000); // two minutes left: still fresh
    await client.getUsersPage(page);
    expect(api.tokenRequests()).toHaveLength(1);
    time.advance(90_000); // thirty seconds left: inside the refresh window
    await client.getUsersPage(page);
    expect(api.tokenRequests()).toHaveLength(2);
    expect(api.apiRequests().at(-1)!.headers.get('authorization')).toBe('Bearer token-2-abcdefgh');
  });

  it('retries once, transparently, with a new token after a 401, and shares that refresh', async () => {
    const api = createFakeApi();
    const client = secretClient(api);
    await client.getUsersPage(page);
    api.expireAllTokens();
    const pages = await Promise.all(Array.from({ length: 5 }, (_, i) => client.getUsersPage({ ...page, pageIndex: i + 1 })));
    expect(pages.map((p) => p.pageIndex)).toEqual([1, 2, 3, 4, 5]);
    expect(api.tokenRequests()).toHaveLength(2);
  });

  it('gives up with UNAUTHORIZED when the fresh token is refused too', async () => {
    const api = createFakeApi();
    const client = secretClient(api);
    api.script((r) => (r.url.origin === BASE_URL ? api.json(401, { message: 'still no' }) : undefined));
    const error = await client.getUsersPage(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointApiError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(api.apiRequests()).toHaveLength(2);
    expect(api.tokenRequests()).toHaveLength(2);
  });

  it('reports a refused client secret as AvePointAuthError with the OAuth error, without the secret', async () => {
    const api = createFakeApi();
    const client = createUsersClient({
      baseUrl: BASE_URL,
      tokenUrl: TOKEN_URL,
      credentials: { clientId: 'someone-else', clientSecret: CLIENT_SECRET },
      fetch: api.fetch,
    });
    const error = (await client.getUsersPage(page).catch((e: unknown) => e)) as AvePointAuthError;
    expect(error).toBeInstanceOf(AvePointAuthError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 400, oauthError: 'invalid_client' });
    expect(error.message).not.toContain(CLIENT_SECRET);
    expect(api.apiRequests()).toHaveLength(0);
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
    const api = createFakeApi();
    const client = secretClient(api);
    await client.api.POST('/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch', {
      baseUrl: 'https://elsewhere.example.test',
      params: { path: { customerId: CUSTOMER, tenantId: TENANT }, query: { pageIndex: 1, pageSize: 1 } },
      body: {},
      headers: { authorization: 'Bearer smuggled' },
    });
    const sent = api.requests.at(-1)!;
    expect(sent.url.origin).toBe('https://elsewhere.example.test');
    expect(sent.headers.get('authorization')).toBeNull();
    expect(api.tokenRequests()).toHaveLength(0);
  });

  it('does not follow redirects with the token', async () => {
    const api = createFakeApi();
    const seen: RequestRedirect[] = [];
    api.script(() => undefined);
    const client = secretClient({ ...api, fetch: (req: Request) => (seen.push(req.redirect), api.fetch(req)) } as typeof api);
    await client.getUsersPage(page);
    expect(seen.slice(-1)).toEqual(['manual']);
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
    const api = createFakeApi();
    await secretClient(api).getUsersPage(page); // mints token-1 in the fake
    const client = createUsersClient({ baseUrl: BASE_URL, credentials: { accessToken: 'token-1-abcdefgh' }, fetch: api.fetch });
    await client.getUsersPage(page);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests().at(-1)!.headers.get('authorization')).toBe('Bearer token-1-abcdefgh');
  });

  it('asks a token function again after a 401', async () => {
    const api = createFakeApi();
    await secretClient(api).getUsersPage(page); // token-1
    await secretClient(api).getUsersPage(page); // token-2
    const handed = ['stale-token', 'token-2-abcdefgh'];
    let asked = 0;
    const client = createUsersClient({ baseUrl: BASE_URL, credentials: { accessToken: async () => handed[asked++]! }, fetch: api.fetch });
    const result = await client.getUsersPage(page);
    expect(result.users).toHaveLength(10);
    expect(asked).toBe(2);
  });
});

describe('certificate credentials', () => {
  it('posts an RS256 client assertion the public key verifies, with iss/sub/aud/jti/exp', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const api = createFakeApi();
    const time = fakeTime();
    const client = createUsersClient({
      baseUrl: BASE_URL,
      tokenUrl: TOKEN_URL,
      credentials: { clientId: CLIENT_ID, privateKeyPem, certificateThumbprint: 'AB'.repeat(20) },
      fetch: api.fetch,
      now: time.now,
    });
    await client.getUsersPage(page);
    const form = new URLSearchParams(api.tokenRequests()[0]!.body);
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.has('client_secret')).toBe(false);
    const [h, p, s] = form.get('client_assertion')!.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.x5t).toBe(Buffer.from('AB'.repeat(20), 'hex').toString('base64url'));
    expect(payload).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: TOKEN_URL, iat: time.now() / 1000 });
    expect(payload.exp).toBeGreaterThan(payload.iat);
    expect(typeof payload.jti).toBe('string');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s!, 'base64url'))).toBe(true);
  });

  it('rejects a bad private key when the client is created', () => {
    expect(() =>
      createUsersClient({ baseUrl: BASE_URL, tokenUrl: TOKEN_URL, credentials: { clientId: CLIENT_ID, privateKeyPem: 'not a key' } }),
    ).toThrow(AvePointInputError);
  });
});
