// Which of the sandbox's endpoints a path names.
import { CUSTOMERS_PATH } from './api/customers-endpoint.js';
import { USER_PATH } from './api/user-endpoint.js';
import { USERS_PATH } from './api/users-endpoint.js';

export const TOKEN_PATH = '/connect/token';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

export type Route =
  | { kind: 'token' }
  | { kind: 'users'; customerId: string; tenantId: string }
  | { kind: 'user'; customerId: string; tenantId: string; userId: string }
  | { kind: 'customers' }
  | { kind: 'discovery' }
  | { kind: 'other' };

/** The API endpoints (what `stats().apiRequests` counts and fault rules may name beside `token`). */
export type ApiRoute = Extract<Route, { kind: 'users' | 'user' | 'customers' }>;

export function route(pathname: string): Route {
  if (pathname === TOKEN_PATH) return { kind: 'token' };
  if (pathname === DISCOVERY_PATH) return { kind: 'discovery' };
  if (CUSTOMERS_PATH.test(pathname)) return { kind: 'customers' };
  const batch = USERS_PATH.exec(pathname);
  if (batch?.[1] && batch[2]) return { kind: 'users', customerId: batch[1], tenantId: batch[2] };
  // After the batch path: `users/batch` is the batch endpoint, never a user called "batch".
  const one = USER_PATH.exec(pathname);
  if (one?.[1] && one[2] && one[3]) return { kind: 'user', customerId: one[1], tenantId: one[2], userId: one[3] };
  return { kind: 'other' };
}
