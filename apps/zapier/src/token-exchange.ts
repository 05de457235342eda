// Session auth's exchange: the OAuth 2.0 client-credentials grant, sent through z.request so it
// is logged (scrubbed) like every other call. The form and the reading of the answer are core's.
import {
  AvePointAuthError,
  USERS_READ_SCOPE,
  buildTokenForm,
  parseTokenResponse,
  type AccessToken,
} from '@avepoint-graph-kit/core/protocol';
import type { ZObject } from 'zapier-platform-core';
import type { Connection } from './connection.js';
import { isZapierError } from './zapier-errors.js';

export async function exchangeClientCredentials(z: ZObject, connection: Connection): Promise<AccessToken> {
  if (connection.clientId === '' || connection.clientSecret === '') {
    throw new z.errors.Error(
      'Enter the Client ID and the Client Secret of the app registered in AvePoint Elements.',
      'AuthenticationFailed',
      400,
    );
  }
  let response;
  try {
    response = await z.request({
      url: connection.tokenUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: buildTokenForm(
        { clientId: connection.clientId, clientSecret: connection.clientSecret },
        { tokenUrl: connection.tokenUrl, scope: USERS_READ_SCOPE, nowSeconds: Date.now() / 1000 },
      ),
      skipThrowForStatus: true,
    });
  } catch (error) {
    // Zapier turns every 401 of a session-auth app into RefreshAuthError; from the token
    // endpoint itself a refresh cannot help, the credentials are wrong.
    if (isZapierError(z, error, 'RefreshAuthError')) {
      return readTokenAnswer(z, 401, { error: 'invalid_client' });
    }
    throw error;
  }
  return readTokenAnswer(z, response.status, bodyOf(response.data, response.content));
}

function bodyOf(data: unknown, content: string): unknown {
  return data === undefined ? content : data;
}

/** Core's reading of the token endpoint's answer; a refusal becomes the error Zapier shows. */
function readTokenAnswer(z: ZObject, status: number, body: unknown): AccessToken {
  try {
    return parseTokenResponse(status, body);
  } catch (error) {
    if (error instanceof AvePointAuthError) {
      throw new z.errors.Error(error.message, 'AuthenticationFailed', error.status ?? 401);
    }
    throw error;
  }
}
