// Session auth: Zapier has no OAuth client-credentials type, so the session "login" is the
// client-credentials exchange and the session key is the access token. Zapier re-runs it when a
// call answers 401 (RefreshAuthError), so the one-hour tokens renew without the user noticing.
import { USERS_READ_SCOPE } from '@avepoint-graph-kit/core/protocol';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { ENVIRONMENT_CHOICES, connectionOf } from './connection.js';
import { exchangeClientCredentials } from './token-exchange.js';
import { rethrowForZapier } from './zapier-errors.js';

function connection(z: ZObject, bundle: Bundle) {
  try {
    return connectionOf(bundle.authData);
  } catch (error) {
    return rethrowForZapier(z, error);
  }
}

/** sessionConfig.perform: its result is merged into bundle.authData. */
async function getSessionToken(z: ZObject, bundle: Bundle): Promise<{ accessToken: string }> {
  const token = await exchangeClientCredentials(z, connection(z, bundle));
  return { accessToken: token.accessToken };
}

/**
 * The auth test. Every API call names a customer and a tenant, which belong to a step, not to the
 * connection; the cheap real call that proves a connection is therefore the exchange itself:
 * the identity service accepts the client ID and secret and grants the users-read permission.
 */
async function testConnection(z: ZObject, bundle: Bundle) {
  const conn = connection(z, bundle);
  const token = await exchangeClientCredentials(z, conn);
  const granted = token.scope?.split(/\s+/) ?? [USERS_READ_SCOPE];
  if (!granted.includes(USERS_READ_SCOPE)) {
    throw new z.errors.Error(
      `The app was granted "${token.scope ?? ''}" but not "${USERS_READ_SCOPE}". Add that permission to the app in AvePoint Elements (Settings > API app registration).`,
      'AuthenticationFailed',
      403,
    );
  }
  return {
    clientId: conn.clientId,
    environment: conn.environment,
    environmentLabel: conn.environmentLabel,
    tokenUrl: conn.tokenUrl,
    scope: USERS_READ_SCOPE,
  };
}

export const authentication = {
  type: 'session',
  fields: [
    {
      key: 'environment',
      label: 'Environment',
      type: 'string',
      required: true,
      default: 'commercial',
      choices: ENVIRONMENT_CHOICES.map(({ value, label }) => ({ value, label, sample: value })),
      helpText: 'The AvePoint cloud your Elements account is in. Choose Custom only for a local sandbox or a proxy.',
    },
    {
      key: 'clientId',
      label: 'Client ID',
      type: 'string',
      required: true,
      helpText: 'The application (client) ID of the app registered in AvePoint Elements under Settings > API app registration.',
    },
    {
      key: 'clientSecret',
      label: 'Client Secret',
      type: 'password',
      required: true,
      helpText: 'The client secret of that app registration. The app needs the `elements.um.user.read.all` permission.',
    },
    {
      key: 'baseUrl',
      label: 'API Base URL (Custom only)',
      type: 'string',
      required: false,
      helpText: 'Only for the Custom environment, for example `https://graph.example.com`. Ignored for the other environments.',
    },
    {
      key: 'tokenUrl',
      label: 'Token URL (Custom only)',
      type: 'string',
      required: false,
      helpText: 'Only for the Custom environment: the OAuth token endpoint, for example `https://identity.example.com/connect/token`.',
    },
  ],
  sessionConfig: { perform: getSessionToken },
  test: testConnection,
  // Shows which app registration and which cloud a connection uses, e.g. "1b2c... (Commercial)".
  connectionLabel: (_z: ZObject, bundle: Bundle<{ clientId?: string; environmentLabel?: string }>) =>
    `${bundle.inputData.clientId ?? ''} (${bundle.inputData.environmentLabel ?? ''})`,
} as const;
