// Generated from packages/core/src/protocol/auth/token-request.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The OAuth 2.0 client-credentials request as data: the form to post, for a client secret or a
// certificate (a signed client assertion).
import { buildClientAssertion } from './client-assertion.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

export function buildClientSecretTokenForm(o: { clientId: string; clientSecret: string; scope: string }): string {
  return form({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret, scope: o.scope });
}

export function buildClientAssertionTokenForm(o: { clientId: string; clientAssertion: string; scope: string }): string {
  return form({
    grant_type: 'client_credentials',
    client_id: o.clientId,
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: o.clientAssertion,
    scope: o.scope,
  });
}

export type AppCredential =
  { clientId: string; clientSecret: string } | { clientId: string; privateKeyPem: string; certificateThumbprint?: string | undefined };

export function buildTokenForm(credential: AppCredential, ctx: { tokenUrl: string; scope: string; nowSeconds: number }): string {
  const { clientId } = credential;
  if ('clientSecret' in credential) {
    return buildClientSecretTokenForm({ clientId, clientSecret: credential.clientSecret, scope: ctx.scope });
  }
  // A new assertion (new jti, fresh exp) for every exchange: the service refuses replays.
  const clientAssertion = buildClientAssertion({
    clientId,
    tokenUrl: ctx.tokenUrl,
    privateKeyPem: credential.privateKeyPem,
    certificateThumbprint: credential.certificateThumbprint,
    nowSeconds: ctx.nowSeconds,
  });
  return buildClientAssertionTokenForm({ clientId, clientAssertion, scope: ctx.scope });
}
