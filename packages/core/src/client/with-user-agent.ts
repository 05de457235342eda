import { withHeader, type SendMiddleware } from './send.js';

export function withUserAgent(userAgent: string): SendMiddleware {
  return (next) => (request) => next(withHeader(request, 'user-agent', userAgent));
}
