// POST /connect/token: the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) with client
// authentication by secret (post or basic) or by RS256 JWT assertion (RFC 7523). Errors follow
// RFC 6749 section 5.2. Nothing a client sends as a credential is echoed back.
import { timingSafeEqual } from 'node:crypto';
import type { Reply } from '../http/io.js';
import { assertionIssuer, type JtiCache, verifyClientAssertion } from './client-assertion.js';
import { KNOWN_SCOPES, type RegisteredClient } from './clients.js';
import type { TokenStore } from './token-store.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenEndpointContext {
  clients: ReadonlyMap<string, RegisteredClient>;
  tokenUrl: string;
  now: () => number;
  tokenTtlSeconds: number;
  store: TokenStore;
  jtis: JtiCache;
}

export interface TokenRequest {
  method: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(status: 400 | 401, error: string, description: string, basic = false): Reply {
  const headers: Record<string, string> = { ...NO_STORE };
  // RFC 6749 5.2: a 401 for a client that used the Authorization header names the scheme it failed.
  if (status === 401 && basic) headers['www-authenticate'] = 'Basic realm="avepoint-sandbox", charset="UTF-8"';
  return { status, headers, body: { error, error_description: description } };
}

function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined | 'malformed' {
  if (!authorization) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!match?.[1]) return 'malformed';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return 'malformed';
  }
}

export function handleTokenRequest(req: TokenRequest, ctx: TokenEndpointContext): Reply {
  if (req.method !== 'POST')
    return { status: 405, headers: { allow: 'POST' }, body: { error: 'invalid_request', error_description: 'use POST' } };
  if (!req.contentType || !/^application\/x-www-form-urlencoded\b/i.test(req.contentType.trim())) {
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(req.body);
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) return oauthError(400, 'invalid_request', `parameter ${name} is repeated`);
  }
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials')
    return oauthError(400, 'unsupported_grant_type', 'only grant_type=client_credentials is supported');

  // Client authentication: exactly one method.
  const basic = basicCredentials(req.authorization);
  if (basic === 'malformed') return oauthError(401, 'invalid_client', 'malformed Basic authorization header', true);
  const assertion = form.get('client_assertion');
  const assertionType = form.get('client_assertion_type');
  const postedSecret = form.get('client_secret');
  const methods = [basic !== undefined, postedSecret !== null, assertion !== null || assertionType !== null].filter(Boolean).length;
  if (methods > 1) return oauthError(400, 'invalid_request', 'use exactly one client authentication method');

  const formClientIdForBasic = form.get('client_id');
  if (basic !== undefined && formClientIdForBasic !== null && formClientIdForBasic !== basic.id) {
    return oauthError(400, 'invalid_request', 'client_id in the body differs from the Basic credentials');
  }

  let client: RegisteredClient | undefined;
  const now = ctx.now();
  if (assertion !== null || assertionType !== null) {
    if (assertionType !== CLIENT_ASSERTION_TYPE)
      return oauthError(400, 'invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
    if (!assertion) return oauthError(400, 'invalid_request', 'client_assertion is required');
    const issuer = assertionIssuer(assertion);
    const formClientId = form.get('client_id');
    if (formClientId !== null && issuer !== undefined && formClientId !== issuer) {
      return oauthError(401, 'invalid_client', 'client_id does not match the assertion issuer');
    }
    const candidate = issuer === undefined ? undefined : ctx.clients.get(issuer);
    if (!candidate) return oauthError(401, 'invalid_client', 'unknown client');
    const nowSeconds = Math.floor(now / 1000);
    const verdict = verifyClientAssertion(assertion, {
      client: candidate,
      tokenUrl: ctx.tokenUrl,
      nowSeconds,
      isReplay: (jti, exp) => ctx.jtis.seenBefore(candidate.clientId, jti, exp, nowSeconds),
    });
    if (!verdict.ok) return oauthError(401, 'invalid_client', verdict.reason);
    client = candidate;
  } else {
    const id = basic?.id ?? form.get('client_id');
    const secret = basic?.secret ?? postedSecret;
    if (!id)
      return oauthError(
        401,
        'invalid_client',
        'client authentication is required (client_id with client_secret or client_assertion)',
        basic !== undefined,
      );
    const candidate = ctx.clients.get(id);
    if (!candidate) return oauthError(401, 'invalid_client', 'unknown client', basic !== undefined);
    if (secret === null || secret === undefined)
      return oauthError(401, 'invalid_client', 'client_secret is required for this client', basic !== undefined);
    if (!candidate.secret || !secretsEqual(secret, candidate.secret))
      return oauthError(401, 'invalid_client', 'client authentication failed', basic !== undefined);
    client = candidate;
  }

  const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const unknown = requested.filter((scope) => !KNOWN_SCOPES.includes(scope));
  if (unknown.length > 0) return oauthError(400, 'invalid_scope', `unknown scope: ${unknown.join(' ')}`);
  const refused = requested.filter((scope) => !client.scopes.includes(scope));
  if (refused.length > 0) return oauthError(400, 'invalid_scope', `the app has not been granted: ${refused.join(' ')}`);
  // Without `scope`, the app gets every permission it was granted (RFC 6749 3.3 allows a default).
  const scopes = requested.length > 0 ? [...new Set(requested)] : [...client.scopes];

  const accessToken = ctx.store.issue(
    { clientId: client.clientId, scopes, customerIds: client.customerIds, expiresAt: now + ctx.tokenTtlSeconds * 1000 },
    now,
  );
  return {
    status: 200,
    headers: { ...NO_STORE },
    body: { access_token: accessToken, expires_in: ctx.tokenTtlSeconds, token_type: 'Bearer', scope: scopes.join(' ') },
  };
}
