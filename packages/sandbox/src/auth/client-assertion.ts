// Verifies an RS256 JWT client assertion (RFC 7523 section 3) with node:crypto. Every failure
// yields a reason for `error_description`; none of them echoes the assertion itself.
import { verify } from 'node:crypto';
import type { RegisteredClient } from './clients.js';

/** Clock skew tolerated on `exp`, `nbf` and `iat`, like most identity services. */
export const CLOCK_SKEW_SECONDS = 60;
/** An assertion must not live longer than this: they are meant to be short. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

export type AssertionResult = { ok: true; clientId: string; jti: string; exp: number } | { ok: false; reason: string };

function decodeJson(part: string | undefined): Record<string, unknown> | undefined {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `iss` without verifying anything, to find which registered key to verify with. */
export function assertionIssuer(jwt: string): string | undefined {
  const iss = decodeJson(jwt.split('.')[1])?.iss;
  return typeof iss === 'string' ? iss : undefined;
}

export interface VerifyContext {
  client: RegisteredClient;
  tokenUrl: string;
  nowSeconds: number;
  /** Records the jti and says whether it was seen before; called only once everything else holds. */
  isReplay: (jti: string, exp: number) => boolean;
}

export function verifyClientAssertion(jwt: string, ctx: VerifyContext): AssertionResult {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'client_assertion is not a compact JWT' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) return { ok: false, reason: 'client_assertion header or payload is not base64url JSON' };
  if (header.alg !== 'RS256') return { ok: false, reason: 'client_assertion must be signed with RS256' };
  const { client } = ctx;
  if (!client.publicKey) return { ok: false, reason: 'the client has no certificate registered' };
  if (header.x5t !== undefined && (!client.thumbprint || header.x5t !== Buffer.from(client.thumbprint, 'hex').toString('base64url'))) {
    return { ok: false, reason: 'x5t does not match the registered certificate' };
  }
  if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) return { ok: false, reason: 'client_assertion signature is not base64url' };
  const signed = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), client.publicKey, Buffer.from(signaturePart, 'base64url'));
  if (!signed) return { ok: false, reason: 'client_assertion signature does not verify with the registered certificate' };

  if (payload.iss !== client.clientId || payload.sub !== client.clientId)
    return { ok: false, reason: 'iss and sub must both be the client ID' };
  const aud = payload.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(ctx.tokenUrl)) return { ok: false, reason: `aud must be the token endpoint ${ctx.tokenUrl}` };
  const now = ctx.nowSeconds;
  const { exp, nbf, iat, jti } = payload;
  if (typeof exp !== 'number') return { ok: false, reason: 'exp is required' };
  if (exp + CLOCK_SKEW_SECONDS <= now) return { ok: false, reason: 'client_assertion has expired' };
  if (exp - now > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'exp is too far in the future' };
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf - CLOCK_SKEW_SECONDS > now))
    return { ok: false, reason: 'client_assertion is not valid yet (nbf)' };
  if (iat !== undefined && (typeof iat !== 'number' || iat - CLOCK_SKEW_SECONDS > now))
    return { ok: false, reason: 'iat is in the future' };
  if (typeof jti !== 'string' || jti.length === 0) return { ok: false, reason: 'jti is required' };
  if (ctx.isReplay(jti, exp)) return { ok: false, reason: 'jti has been used before (replayed assertion)' };
  return { ok: true, clientId: client.clientId, jti, exp };
}

/** Remembers the `jti`s seen until their assertion expires. */
export class JtiCache {
  private readonly seen = new Map<string, number>();

  /** Records the jti; true when it was already there. */
  private checksSincePurge = 0;

  seenBefore(clientId: string, jti: string, exp: number, nowSeconds: number): boolean {
    if (++this.checksSincePurge >= 256) {
      this.checksSincePurge = 0;
      for (const [key, until] of this.seen) if (until < nowSeconds) this.seen.delete(key);
    }
    const key = `${clientId}\u0000${jti}`;
    if (this.seen.has(key)) return true;
    this.seen.set(key, exp + CLOCK_SKEW_SECONDS);
    return false;
  }
}
