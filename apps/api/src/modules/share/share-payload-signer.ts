import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ShareFacts, type SharePayload, shareExpired, shareFactsOf, sharePayloadMessage } from '@wematrix/shared';

export type SharePayloadCheck = 'ok' | 'invalid' | 'expired';

export interface SharePayloadSigner {
  sign(facts: ShareFacts): SharePayload;
  /** The signature first (a tampered expired payload is 'invalid'), then the expiry at `now`. */
  verify(payload: SharePayload, now: Date): SharePayloadCheck;
}

/**
 * HMAC-SHA256 over sharePayloadMessage with a key derived from the server's session secret
 * under its own label: no new setting, and neither a session key nor the promoter links' key
 * (distribution/share-link-signer.ts) can make or check these signatures.
 */
export function createSharePayloadSigner(serverSecret: string): SharePayloadSigner {
  const key = createHmac('sha256', serverSecret).update('wm-share-target-key-v1').digest();
  const mac = (facts: ShareFacts) =>
    createHmac('sha256', key).update(sharePayloadMessage(facts), 'utf8').digest().toString('base64url');
  return {
    sign(facts) {
      return { sk: facts.kind, si: facts.id, su: facts.inviterUserId, se: String(facts.expiresAt), ss: mac(facts) };
    },
    verify(payload, now) {
      // Compared as the exact text sign() writes, never decoded first: base64url's last
      // character carries unused bits, so two spellings can decode to the same bytes.
      const facts = shareFactsOf(payload);
      const expected = Buffer.from(mac(facts));
      const given = Buffer.from(payload.ss);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      return shareExpired(facts.expiresAt, now) ? 'expired' : 'ok';
    },
  };
}
