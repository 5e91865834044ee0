import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../sandbox-app';

/** WeChat access tokens live two hours. */
export const ACCESS_TOKEN_TTL_SECONDS = 7200;

interface IssuedToken {
  appid: string;
  token: string;
  expiresAtMs: number;
}

/**
 * Stable-token semantics: while the current token is valid the same token comes back;
 * force_refresh issues a new one (and, unlike real WeChat's 5-minute grace, invalidates
 * the old one at once, which makes stale-token handling easy to test).
 */
export class AccessTokenStore {
  private readonly byAppid = new Map<string, IssuedToken>();
  private readonly byToken = new Map<string, IssuedToken>();
  private issuedCount = 0;

  constructor(private readonly clock: SandboxClock) {}

  stable(appid: string, forceRefresh: boolean): { accessToken: string; expiresIn: number } {
    const nowMs = this.clock().getTime();
    const current = this.byAppid.get(appid);
    if (current && !forceRefresh && current.expiresAtMs > nowMs) {
      return { accessToken: current.token, expiresIn: Math.floor((current.expiresAtMs - nowMs) / 1000) };
    }
    if (current) this.byToken.delete(current.token);
    const issued: IssuedToken = {
      appid,
      token: `sandbox_${randomBytes(32).toString('base64url')}`,
      expiresAtMs: nowMs + ACCESS_TOKEN_TTL_SECONDS * 1000,
    };
    this.byAppid.set(appid, issued);
    this.byToken.set(issued.token, issued);
    this.issuedCount += 1;
    return { accessToken: issued.token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** For endpoints that take `?access_token=` (wxacode, subscribe messages...). */
  verify(token: string): { appid: string } | null {
    const issued = this.byToken.get(token);
    if (!issued || issued.expiresAtMs <= this.clock().getTime()) return null;
    return { appid: issued.appid };
  }

  /** How many distinct tokens were minted: lets tests prove a client caches. */
  get issued(): number {
    return this.issuedCount;
  }
}
