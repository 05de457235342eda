// Core's client for the Customer and Tenant dropdowns. The session token carries only the users
// permission (the exchange asks for nothing more, so an app granted only that one can connect),
// so this client holds the connection's client credentials instead and core asks the identity
// service for a separate token with the customers permission, the first time it is needed.
// The token request goes through z.request like every other call: Zapier censors the secret (an
// authData value) and the issued token (`access_token`) in its logs.
import { createUsersClient, type UsersClient } from '@avepoint-graph-kit/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionOf } from './connection.js';
import { rethrowForZapier } from './zapier-errors.js';
import { createZapierSend } from './zapier-send.js';

export function customersClientFor(z: ZObject, bundle: Bundle): UsersClient {
  let connection;
  try {
    connection = connectionOf(bundle.authData);
  } catch (error) {
    return rethrowForZapier(z, error);
  }
  if (connection.clientId === '' || connection.clientSecret === '') {
    throw new z.errors.Error(
      'Reconnect the AvePoint account: this connection holds no Client ID or Client Secret.',
      'AuthenticationFailed',
      401,
    );
  }
  return createUsersClient({
    baseUrl: connection.baseUrl,
    tokenUrl: connection.tokenUrl,
    credentials: { clientId: connection.clientId, clientSecret: connection.clientSecret },
    retry: false,
    send: createZapierSend(z),
  });
}
