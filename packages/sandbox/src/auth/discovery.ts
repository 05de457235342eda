// GET /.well-known/openid-configuration: enough of the OpenID provider metadata for a client to
// find the token endpoint and the auth methods it accepts.
import { KNOWN_SCOPES } from './clients.js';
import type { Reply } from '../http/io.js';

export function discoveryReply(method: string, issuer: string, tokenUrl: string): Reply {
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, headers: { allow: 'GET' }, body: { error: 'method_not_allowed', message: 'use GET' } };
  return {
    status: 200,
    body: {
      issuer,
      token_endpoint: tokenUrl,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      scopes_supported: KNOWN_SCOPES,
    },
  };
}
