import { describe, expect, it } from 'vitest';
import { createShareLinkSigner } from './share-link-signer';

const signer = createShareLinkSigner('a-server-secret-long-enough-for-tests-0123456789');
const now = new Date('2026-12-06T00:00:00Z');
const link = signer.sign({ promoterId: 'p-1', target: 'home', expiresAt: Math.floor(now.getTime() / 1000) + 3600 });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('share link signatures', () => {
  it('accepts the link as signed', () => {
    expect(signer.verify(link, now)).toBe('ok');
  });

  it('refuses any other signature text, including other spellings of the same bytes', () => {
    // Every character of the signature, changed to every other character: never accepted.
    // (The last character of base64url carries unused bits: decoding before comparing let
    // 'A' and 'B' there pass alike, which made a tamper test fail one run in several.)
    for (let i = 0; i < link.s.length; i += 1) {
      for (const c of ALPHABET) {
        if (c === link.s[i]) continue;
        const s = `${link.s.slice(0, i)}${c}${link.s.slice(i + 1)}`;
        expect(signer.verify({ ...link, s }, now), `position ${i} -> ${c}`).toBe('invalid');
      }
    }
    expect(signer.verify({ ...link, s: `${link.s}=` }, now)).toBe('invalid');
  });

  it('checks the signature before the expiry, so a tampered expired link is invalid', () => {
    const later = new Date(now.getTime() + 2 * 3600 * 1000);
    expect(signer.verify(link, later)).toBe('expired');
    expect(signer.verify({ ...link, t: 'product:x' }, later)).toBe('invalid');
  });
});
