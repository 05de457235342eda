// Issued access tokens: opaque random strings looked up here. Expired entries are dropped as
// new tokens are issued, so a long benchmark does not grow the map without bound.
import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  clientId: string;
  scopes: readonly string[];
  customerIds: ReadonlySet<string>;
  expiresAt: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  /** Tokens kept after expiry so the 401 can say "expired" rather than "unknown". */
  private static readonly GRACE_MS = 10 * 60_000;

  private issuedSincePurge = 0;

  issue(entry: IssuedToken, now: number): string {
    // Sweep now and then rather than on every issue: a client that asks for a token per call
    // must not make issuing quadratic.
    if (++this.issuedSincePurge >= 256) {
      this.issuedSincePurge = 0;
      for (const [value, token] of this.tokens) {
        if (token.expiresAt + TokenStore.GRACE_MS < now) this.tokens.delete(value);
      }
    }
    const value = randomBytes(32).toString('base64url');
    this.tokens.set(value, entry);
    return value;
  }

  check(value: string | undefined, now: number): TokenCheck {
    if (!value) return { ok: false, reason: 'missing' };
    const token = this.tokens.get(value);
    if (!token) return { ok: false, reason: 'unknown' };
    if (token.expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, token };
  }

  /** The `expireTokens` fault: every token issued so far stops working now. */
  expireAll(now: number): void {
    for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }
}
