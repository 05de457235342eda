// Which of the sandbox's endpoints a path names.
import { USERS_PATH } from '../api/users-endpoint.js';

export const TOKEN_PATH = '/connect/token';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

export type Route = { kind: 'token' } | { kind: 'users'; customerId: string; tenantId: string } | { kind: 'discovery' } | { kind: 'other' };

export function route(pathname: string): Route {
  if (pathname === TOKEN_PATH) return { kind: 'token' };
  if (pathname === DISCOVERY_PATH) return { kind: 'discovery' };
  const match = USERS_PATH.exec(pathname);
  if (match?.[1] && match[2]) return { kind: 'users', customerId: match[1], tenantId: match[2] };
  return { kind: 'other' };
}
