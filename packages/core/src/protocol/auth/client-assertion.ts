// The certificate credential: an RS256-signed JWT client assertion (RFC 7523), built from a PEM
// private key with node:crypto only.
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { AvePointInputError } from '../errors/avepoint-errors.js';

export interface ClientAssertionInput {
  clientId: string;
  /** The `aud`: the token endpoint the assertion is posted to. */
  tokenUrl: string;
  privateKeyPem: string;
  /** SHA-1 thumbprint of the certificate (hex), sent as `x5t` so the service can pick the key. */
  certificateThumbprint?: string | undefined;
  nowSeconds: number;
  jti?: string | undefined;
  /** Short on purpose: a leaked assertion is useless after it. */
  lifetimeSeconds?: number | undefined;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

// Errors are thrown outside the catch: n8n's community-node lint (require-node-api-error), which
// the node's copy of this file must pass, forbids throwing anything but n8n's errors inside one.
function keyOrUndefined(privateKeyPem: string): KeyObject | undefined {
  try {
    // n8n and env vars often carry the PEM with literal "\n": restore real new lines.
    return createPrivateKey(privateKeyPem.includes('\\n') ? privateKeyPem.replace(/\\n/g, '\n') : privateKeyPem);
  } catch {
    return undefined;
  }
}

export function loadPrivateKey(privateKeyPem: string): KeyObject {
  const key = keyOrUndefined(privateKeyPem);
  if (!key) {
    throw new AvePointInputError('privateKeyPem', 'must be a PEM-encoded RSA private key (-----BEGIN PRIVATE KEY----- ...)');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new AvePointInputError('privateKeyPem', 'must be an RSA private key (RS256)', key.asymmetricKeyType);
  }
  return key;
}

export function thumbprintToX5t(thumbprint: string): string {
  const hex = thumbprint.replace(/[\s:]/g, '');
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) {
    throw new AvePointInputError('certificateThumbprint', "must be the certificate's SHA-1 thumbprint: 40 hex digits");
  }
  return base64url(Buffer.from(hex, 'hex'));
}

export function buildClientAssertion(input: ClientAssertionInput): string {
  const key = loadPrivateKey(input.privateKeyPem);
  const header: Record<string, string> = { alg: 'RS256', typ: 'JWT' };
  if (input.certificateThumbprint) header.x5t = thumbprintToX5t(input.certificateThumbprint);
  const now = Math.floor(input.nowSeconds);
  const payload = {
    iss: input.clientId,
    sub: input.clientId,
    aud: input.tokenUrl,
    jti: input.jti ?? randomUUID(),
    iat: now,
    nbf: now,
    exp: now + (input.lifetimeSeconds ?? 300),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), key);
  return `${signingInput}.${base64url(signature)}`;
}
