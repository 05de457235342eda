// The gateway's first two checks, the same on every API endpoint: a bearer token the identity
// service issued and that has not expired (401 with WWW-Authenticate), then the permission the
// endpoint needs (403 insufficient_scope, naming it).
import type { IssuedToken, TokenStore } from '../auth/token-store.js';
import type { Reply } from '../http/io.js';

const REALM = 'realm="AvePoint Graph API"';

function unauthorized(description: string): Reply {
  return {
    status: 401,
    headers: { 'www-authenticate': `Bearer ${REALM}, error="invalid_token", error_description="${description}"` },
    body: { error: 'invalid_token', message: description },
  };
}

function bearerOf(authorization: string | undefined): string | undefined {
  const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

const WHY = {
  missing: 'an Authorization: Bearer <access_token> header is required',
  unknown: 'the access token is not valid',
  expired: 'the access token has expired',
} as const;

export type Authorization = { ok: true; token: IssuedToken } | { ok: false; reply: Reply };

export function authorize(authorization: string | undefined, store: TokenStore, now: number, scope: string): Authorization {
  const check = store.check(bearerOf(authorization), now);
  if (!check.ok) return { ok: false, reply: unauthorized(WHY[check.reason]) };
  if (!check.token.scopes.includes(scope)) {
    return {
      ok: false,
      reply: {
        status: 403,
        headers: { 'www-authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${scope}"` },
        body: { error: 'insufficient_scope', message: `the token lacks the ${scope} permission` },
      },
    };
  }
  return { ok: true, token: check.token };
}
