import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../sandbox-app';

/** wx.login codes are valid for five minutes and for one jscode2session call. */
export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;

interface IssuedCode {
  appid: string;
  userKey: string;
  expiresAtMs: number;
  used: boolean;
}

export type RedeemResult = { ok: true; appid: string; userKey: string } | { ok: false; reason: 'invalid' | 'used' };

export class LoginCodeStore {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly clock: SandboxClock) {}

  issue(appid: string, userKey: string): string {
    this.sweep();
    const code = randomBytes(24).toString('base64url').slice(0, 32);
    this.codes.set(code, { appid, userKey, expiresAtMs: this.clock().getTime() + LOGIN_CODE_TTL_MS, used: false });
    return code;
  }

  /**
   * Single use: the first redeem marks the code used; a second one answers 'used' (WeChat
   * 40163). A code of another appid, an expired code or an unknown one is 'invalid' (40029).
   */
  redeem(appid: string, code: string): RedeemResult {
    const issued = this.codes.get(code);
    if (!issued || issued.appid !== appid) return { ok: false, reason: 'invalid' };
    if (issued.used) return { ok: false, reason: 'used' };
    if (this.clock().getTime() >= issued.expiresAtMs) return { ok: false, reason: 'invalid' };
    issued.used = true;
    return { ok: true, appid: issued.appid, userKey: issued.userKey };
  }

  /** Drop codes long past expiry so a long-running sandbox does not grow without bound. */
  private sweep(): void {
    const cutoff = this.clock().getTime() - LOGIN_CODE_TTL_MS;
    for (const [code, issued] of this.codes) {
      if (issued.expiresAtMs < cutoff) this.codes.delete(code);
    }
  }
}
