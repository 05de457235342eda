// The token endpoint's answer as data: the token, its lifetime, and refusals as AvePointAuthError.
import { AvePointAuthError } from '../errors/avepoint-errors.js';
import { isRecord } from '../guards.js';

export interface AccessToken {
  accessToken: string;
  expiresInSeconds: number;
  tokenType: string;
  scope: string | undefined;
}

/** Tokens last an hour per AvePoint; used when a token response omits `expires_in`. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

const OAUTH_HINTS: Record<string, string> = {
  invalid_client: 'check the client ID and the client secret or certificate',
  invalid_scope: 'the app registration lacks a permission it asked for',
  unauthorized_client: 'the app may not use the client credentials grant',
  invalid_grant: 'the client assertion was refused (certificate, clock or token URL)',
  invalid_request: 'the token request was malformed',
};

/**
 * Reads the token endpoint's answer. Refusals become AvePointAuthError carrying the OAuth error;
 * neither the message nor the error keeps the response body, which could hold a token.
 */
export function parseTokenResponse(status: number, body: unknown, scope?: string): AccessToken {
  if (status < 200 || status >= 300) {
    const oauthError = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
    const description = isRecord(body) && typeof body.error_description === 'string' ? body.error_description.slice(0, 300) : undefined;
    // invalid_scope names the permissions that were asked for: one of them is the one to grant.
    const scopes = scope?.split(/\s+/).filter((s) => s !== '') ?? [];
    const asked = scopes.length === 1 ? `the ${scopes[0]} permission` : `one of the permissions ${scopes.join(', ')}`;
    const hint =
      oauthError === 'invalid_scope' && scopes.length > 0
        ? `the app registration lacks ${asked}: grant it in AvePoint Elements (Settings > API app registration)`
        : oauthError
          ? OAUTH_HINTS[oauthError]
          : undefined;
    const message =
      `The AvePoint identity service refused the app's credentials (HTTP ${status}` +
      `${oauthError ? `, ${oauthError}` : ''})` +
      `${description ? `: ${description}` : ''}${hint ? `; ${hint}` : ''}`;
    return throwAuth(message, {
      status,
      oauthError,
      oauthErrorDescription: description,
      permission: oauthError === 'invalid_scope' ? scope : undefined,
    });
  }
  if (!isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') {
    return throwAuth('The AvePoint identity service answered without an access_token', { status });
  }
  const tokenType = typeof body.token_type === 'string' ? body.token_type : 'Bearer';
  if (tokenType.toLowerCase() !== 'bearer') {
    return throwAuth(`The AvePoint identity service issued a "${tokenType}" token; only Bearer is supported`, { status });
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS,
    tokenType: 'Bearer',
    scope: typeof body.scope === 'string' ? body.scope : undefined,
  };
}

function throwAuth(
  message: string,
  details: {
    status?: number;
    oauthError?: string | undefined;
    oauthErrorDescription?: string | undefined;
    permission?: string | undefined;
  },
): never {
  const clean: { status?: number; oauthError?: string; oauthErrorDescription?: string; permission?: string } = {};
  if (details.status !== undefined) clean.status = details.status;
  if (details.oauthError !== undefined) clean.oauthError = details.oauthError;
  if (details.oauthErrorDescription !== undefined) clean.oauthErrorDescription = details.oauthErrorDescription;
  if (details.permission !== undefined) clean.permission = details.permission;
  throw new AvePointAuthError(message, clean);
}

/** Refresh a minute early so a token never expires between the check and the request. */
export const TOKEN_REFRESH_SKEW_MS = 60_000;

export function tokenIsFresh(o: { expiresAtMs: number; nowMs: number; skewMs?: number }): boolean {
  return o.nowMs + (o.skewMs ?? TOKEN_REFRESH_SKEW_MS) < o.expiresAtMs;
}

export function tokenExpiresAt(token: Pick<AccessToken, 'expiresInSeconds'>, issuedAtMs: number): number {
  return issuedAtMs + token.expiresInSeconds * 1000;
}
