// Generated from packages/core/src/protocol/token-form.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The two ways an app proves itself (client secret or certificate), as the form of one token request.
import { buildClientAssertion } from './client-assertion.js';
import { buildClientAssertionTokenForm, buildClientSecretTokenForm } from './token.js';

export type AppCredential =
  | { clientId: string; clientSecret: string }
  | { clientId: string; privateKeyPem: string; certificateThumbprint?: string | undefined };

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
