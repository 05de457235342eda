// Adds the bearer token to requests for the API host, and only to it; after a 401 gets a fresh
// token (one refresh shared by all callers) and re-sends once.
import { withHeader, type PreparedRequest, type SendMiddleware } from '../transport/http.js';
import type { TokenProvider } from './token-cache.js';

/**
 * `tokens`: one provider, or one per request (the client asks each permission's token only for the
 * calls that need it: an app granted only the users permission never asks for the customers one).
 */
export function withAuth(options: {
  tokens: TokenProvider | ((request: PreparedRequest) => TokenProvider);
  apiOrigin: string;
}): SendMiddleware {
  const { apiOrigin } = options;
  const tokensFor = typeof options.tokens === 'function' ? options.tokens : () => options.tokens as TokenProvider;
  // A prefix test rather than new URL() per request: the URLs come from the client itself.
  const apiPrefix = `${apiOrigin}/`;
  return (next) => async (request) => {
    if (!request.url.startsWith(apiPrefix)) return next(withHeader(request, 'authorization', undefined));
    // No redirects: following one would hand the token to whatever host it names.
    const base = { ...request, redirect: 'manual' as const };
    const send = (token: string) => next(withHeader(base, 'authorization', `Bearer ${token}`));
    const tokens = tokensFor(request);
    const token = await tokens.getToken(request.signal);
    const response = await send(token);
    if (response.status !== 401) return response;
    const fresh = await tokens.refresh(token, request.signal);
    if (fresh === token) return response;
    return send(fresh);
  };
}
