// Adds the bearer token to requests for the API host, and only to it; after a 401 gets a fresh
// token (one refresh shared by all callers) and re-sends once.
import type { TokenProvider } from '../auth/token-provider.js';
import type { FetchMiddleware } from './fetch-types.js';
import { replayable } from './replayable-request.js';

export function withAuth(options: { tokens: TokenProvider; apiOrigin: string }): FetchMiddleware {
  const { tokens, apiOrigin } = options;
  return (next) => async (request) => {
    const headers = new Headers(request.headers);
    headers.delete('authorization');
    if (new URL(request.url).origin !== apiOrigin) return next(new Request(request, { headers }));
    // No redirects: following one would hand the token to whatever host it names.
    const attempt = await replayable(new Request(request, { headers, redirect: 'manual' }));
    const send = (token: string) => {
      const withToken = new Headers(headers);
      withToken.set('authorization', `Bearer ${token}`);
      return next(attempt({ headers: withToken }));
    };
    const token = await tokens.getToken(request.signal);
    const response = await send(token);
    if (response.status !== 401) return response;
    const fresh = await tokens.refresh(token, request.signal);
    if (fresh === token) return response;
    await response.body?.cancel();
    return send(fresh);
  };
}
