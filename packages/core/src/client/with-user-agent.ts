import type { FetchMiddleware } from './fetch-types.js';

export function withUserAgent(userAgent: string): FetchMiddleware {
  return (next) => (request) => {
    const headers = new Headers(request.headers);
    headers.set('user-agent', userAgent);
    return next(new Request(request, { headers }));
  };
}
