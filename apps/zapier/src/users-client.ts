// Core's typed client for one Zapier call: the connection's endpoints, the session token, no
// retries of its own (Zapier retries throttled and refreshed calls) and HTTP through z.request.
import { createUsersClient, type UsersClient } from '@avepoint-graph-kit/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionOf } from './connection.js';
import { rethrowForZapier } from './zapier-errors.js';
import { createZapierSend } from './zapier-send.js';

export function usersClientFor(z: ZObject, bundle: Bundle): UsersClient {
  const accessToken = bundle.authData.accessToken;
  // No token yet (a connection made before its first exchange): let Zapier run the exchange.
  if (typeof accessToken !== 'string' || accessToken === '') throw new z.errors.RefreshAuthError('No access token yet');
  let connection;
  try {
    connection = connectionOf(bundle.authData);
  } catch (error) {
    return rethrowForZapier(z, error);
  }
  return createUsersClient({
    baseUrl: connection.baseUrl,
    tokenUrl: connection.tokenUrl,
    credentials: { accessToken },
    retry: false,
    send: createZapierSend(z),
  });
}

/** Runs calls of core's client, turning whatever fails into the error Zapier should show. */
export async function callApi<T>(z: ZObject, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return rethrowForZapier(z, error);
  }
}
