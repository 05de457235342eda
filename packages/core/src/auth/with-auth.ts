// Adds the bearer token to requests for the API host, and only to it; after a 401 gets a fresh
// token (one refresh shared by all callers) and re-sends once.
import { withHeader, type SendMiddleware } from '../transport/http.js';
import type { TokenProvider } from './token-cache.js';

export function withAuth(options: { tokens: TokenProvider; apiOrigin: string }): SendMiddleware {
  const { tokens, apiOrigin } = options;
  // A prefix test rather than new URL() per request: the URLs come from the client itself.
  const apiPrefix = `${apiOrigin}/`;
  return (next) => async (request) => {
    if (!request.url.startsWith(apiPrefix)) return next(withHeader(request, 'authorization', undefined));
    // No redirects: following one would hand the token to whatever host it names.
    const base = { ...request, redirect: 'manual' as const };
    const send = (token: string) => next(withHeader(base, 'authorization', `Bearer ${token}`));
    const token = await tokens.getToken(request.signal);
    const response = await send(token);
    if (response.status !== 401) return response;
    const fresh = await tokens.refresh(token, request.signal);
    if (fresh === token) return response;
    return send(fresh);
  };
}
