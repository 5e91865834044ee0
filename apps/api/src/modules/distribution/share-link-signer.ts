import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ShareLinkParams, shareLinkExpired, shareLinkMessage } from '@wematrix/shared';

/** How long a promoter's link binds new buyers after it is made. */
export const SHARE_LINK_TTL_SECONDS = 7 * 24 * 3600;

export type ShareLinkCheck = 'ok' | 'invalid' | 'expired';

export interface ShareLinkSigner {
  sign(input: { promoterId: string; target: string; expiresAt: number }): ShareLinkParams;
  /** The signature first (a tampered expired link is 'invalid'), then the expiry at `now`. */
  verify(params: ShareLinkParams, now: Date): ShareLinkCheck;
}

/**
 * HMAC-SHA256 over shareLinkMessage with a key derived from the server's session secret, so
 * every instance agrees without a new setting, and a leaked link key is not a session key.
 */
export function createShareLinkSigner(serverSecret: string): ShareLinkSigner {
  const key = createHmac('sha256', serverSecret).update('wm-share-link-key-v1').digest();
  const mac = (input: { promoterId: string; target: string; expiresAt: number }) =>
    createHmac('sha256', key).update(shareLinkMessage(input), 'utf8').digest();
  return {
    sign(input) {
      return { p: input.promoterId, t: input.target, e: input.expiresAt, s: mac(input).toString('base64url') };
    },
    verify(params, now) {
      // Compare the signature as text, against the one encoding sign() writes: decoding first
      // would accept other spellings of the same bytes (base64url's last character carries
      // unused bits, so 'A' and 'B' there can decode alike).
      const expected = Buffer.from(
        mac({ promoterId: params.p, target: params.t, expiresAt: params.e }).toString('base64url'),
      );
      const given = Buffer.from(params.s);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return shareLinkExpired(params.e, now) ? 'expired' : 'ok';
    },
  };
}
