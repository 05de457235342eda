// Who is calling, for AvePoint's logs: the caller's product first, then this library.
import { withHeader, type SendMiddleware } from './http.js';

declare const __CORE_VERSION__: string | undefined;

export const CORE_VERSION: string = typeof __CORE_VERSION__ === 'string' ? __CORE_VERSION__ : '0.0.0-dev';

export const LIBRARY_USER_AGENT = `avepoint-graph-kit-core/${CORE_VERSION}`;

export function userAgentOf(product: string | undefined): string {
  return product && product.trim() !== '' ? `${product.trim()} ${LIBRARY_USER_AGENT}` : LIBRARY_USER_AGENT;
}

export function withUserAgent(userAgent: string): SendMiddleware {
  return (next) => (request) => next(withHeader(request, 'user-agent', userAgent));
}
