// The three ways an app proves itself, and the token provider each one becomes.
import { AvePointInputError, buildTokenForm, type AppCredential } from '../protocol/index.js';
import { loadPrivateKey } from '../protocol/auth/client-assertion.js';
import type { Send } from '../transport/http.js';
import { requestToken } from './request-token.js';
import { createTokenCache, type TokenProvider } from './token-cache.js';

export interface ClientSecretCredentials {
  clientId: string;
  clientSecret: string;
}

export interface CertificateCredentials {
  clientId: string;
  /** PEM RSA private key of the certificate uploaded to the app registration. */
  privateKeyPem: string;
  /** SHA-1 thumbprint (hex), sent as the JWT's `x5t` header. */
  certificateThumbprint?: string | undefined;
}

export interface AccessTokenCredentials {
  /** A token, or a function called before each request (cache inside it if it is costly). */
  accessToken: string | (() => Promise<string>);
}

export type Credentials = ClientSecretCredentials | CertificateCredentials | AccessTokenCredentials;

export interface TokenProviderContext {
  tokenUrl: string;
  scope: string;
  /** The pipeline to the token endpoint: retry, timeout and user agent, without auth. */
  send: Send;
  now: () => number;
}

const nonEmpty = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new AvePointInputError(field, 'is required');
  return value.trim();
};

export function createTokenProvider(credentials: Credentials, ctx: TokenProviderContext): TokenProvider {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new AvePointInputError('credentials', 'must be { clientId, clientSecret }, { clientId, privateKeyPem } or { accessToken }');
  }
  if ('accessToken' in credentials) return accessTokenProvider(credentials.accessToken);
  const clientId = nonEmpty('credentials.clientId', credentials.clientId);
  if (ctx.tokenUrl === '') throw new AvePointInputError('tokenUrl', 'is required with client credentials when baseUrl is custom');
  let credential: AppCredential;
  if ('clientSecret' in credentials) {
    credential = { clientId, clientSecret: nonEmpty('credentials.clientSecret', credentials.clientSecret) };
  } else if ('privateKeyPem' in credentials) {
    const privateKeyPem = nonEmpty('credentials.privateKeyPem', credentials.privateKeyPem);
    loadPrivateKey(privateKeyPem); // a bad key fails here, at construction, not at the first call
    credential = { clientId, privateKeyPem, certificateThumbprint: credentials.certificateThumbprint };
  } else {
    throw new AvePointInputError('credentials', 'needs clientSecret or privateKeyPem with clientId, or accessToken');
  }
  return createTokenCache({
    now: ctx.now,
    fetchToken: () =>
      requestToken(
        ctx.send,
        ctx.tokenUrl,
        buildTokenForm(credential, { tokenUrl: ctx.tokenUrl, scope: ctx.scope, nowSeconds: ctx.now() / 1000 }),
        ctx.scope,
      ),
  });
}

function accessTokenProvider(source: AccessTokenCredentials['accessToken']): TokenProvider {
  if (typeof source === 'string') {
    const token = nonEmpty('credentials.accessToken', source);
    return { getToken: async () => token, refresh: async () => token };
  }
  if (typeof source !== 'function') throw new AvePointInputError('credentials.accessToken', 'must be a string or a function returning one');
  const get = async () => nonEmpty('credentials.accessToken()', await source());
  return { getToken: get, refresh: get };
}
