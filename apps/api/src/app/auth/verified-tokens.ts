import { SessionClaims } from './session-token';

/**
 * Tokens whose signature was already checked, with their claims, so a client's every request does
 * not redo the HMAC and the JSON decoding; an entry counts only until the token's own expiry. The
 * session behind it is still looked up on every request, so logout and disabling act at once.
 * Bounded: the oldest entries go first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, SessionClaims>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string, nowSeconds = Date.now() / 1000): SessionClaims | null {
    const claims = this.entries.get(token);
    if (!claims) return null;
    if (claims.exp <= nowSeconds) {
      this.entries.delete(token);
      return null;
    }
    return claims;
  }

  remember(token: string, claims: SessionClaims): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }
}
