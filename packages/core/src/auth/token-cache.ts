// Caches an OAuth access token, refreshes it before it expires, and makes every concurrent caller
// share one token request (a cold start with concurrency 8 asks the identity service once).
import { type AccessToken } from '../protocol/index.js';
import { TOKEN_REFRESH_SKEW_MS, tokenExpiresAt, tokenIsFresh } from '../protocol/auth/token-response.js';
import { abortable } from '../engine/index.js';

/**
 * What the auth layer needs from any credential: a token now, and a new one after the API
 * refused one.
 */
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * The API answered 401 to `rejected`. Returns the token to retry with: a fresh one, shared by
   * every caller that saw the same rejection, or `rejected` itself when nothing better exists.
   */
  refresh(rejected: string, signal?: AbortSignal): Promise<string>;
}

export interface TokenCacheOptions {
  fetchToken: () => Promise<AccessToken>;
  now: () => number;
}

export interface TokenCache extends TokenProvider {
  /** Forget the cached token (the next call fetches a new one). */
  clear(): void;
}

interface Cached {
  token: string;
  expiresAtMs: number;
  skewMs: number;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const { fetchToken, now } = options;
  let cached: Cached | undefined;
  let pending: Promise<string> | undefined;

  const load = (): Promise<string> => {
    if (pending) return pending;
    const issuedAtMs = now();
    const request = fetchToken().then((token) => {
      const lifetimeMs = token.expiresInSeconds * 1000;
      cached = {
        token: token.accessToken,
        expiresAtMs: tokenExpiresAt(token, issuedAtMs),
        // The usual minute early; for short-lived tokens (sandboxes, tests) halfway through.
        skewMs: Math.min(TOKEN_REFRESH_SKEW_MS, lifetimeMs / 2),
      };
      return token.accessToken;
    });
    pending = request;
    const settle = () => {
      if (pending === request) pending = undefined;
    };
    request.then(settle, settle);
    return request;
  };

  const getToken = (signal?: AbortSignal): Promise<string> => {
    if (cached && tokenIsFresh({ expiresAtMs: cached.expiresAtMs, nowMs: now(), skewMs: cached.skewMs })) {
      return Promise.resolve(cached.token);
    }
    return abortable(load(), signal);
  };

  return {
    getToken,
    refresh(rejected, signal) {
      // Only the first caller to report this token drops it; later ones get the replacement.
      if (cached?.token === rejected) cached = undefined;
      return getToken(signal);
    },
    clear() {
      cached = undefined;
    },
  };
}
