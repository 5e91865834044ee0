import type { ShareFacts } from '@wematrix/shared';
import { describe, expect, it } from 'vitest';
import { createShareLinkSigner } from '../distribution/share-link-signer';
import { createSharePayloadSigner } from './share-payload-signer';

const SECRET = 'share-signer-test-secret-0123456789abcdef';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const FACTS: ShareFacts = {
  kind: 'group_buy_group',
  id: '3f2b8c1e-5a6d-4e7f-9a0b-1c2d3e4f5a6b',
  inviterUserId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  expiresAt: 1_800_000_000,
};
const BEFORE = new Date((FACTS.expiresAt - 1) * 1000);

describe('share payload signer', () => {
  const signer = createSharePayloadSigner(SECRET);
  const payload = signer.sign(FACTS);

  it('signs the facts into query params and verifies them until the expiry second', () => {
    expect(payload).toMatchObject({ sk: FACTS.kind, si: FACTS.id, su: FACTS.inviterUserId, se: '1800000000' });
    expect(payload.ss).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.verify(payload, BEFORE)).toBe('ok');
    expect(signer.verify(payload, new Date(FACTS.expiresAt * 1000))).toBe('expired');
  });

  it('refuses every character of the signature changed to every other character', () => {
    let refused = 0;
    for (let i = 0; i < payload.ss.length; i += 1) {
      for (const other of B64URL) {
        if (other === payload.ss[i]) continue;
        const ss = `${payload.ss.slice(0, i)}${other}${payload.ss.slice(i + 1)}`;
        expect(signer.verify({ ...payload, ss }, BEFORE)).toBe('invalid');
        refused += 1;
      }
    }
    expect(refused).toBe(43 * 63);
  });

  it('refuses each fact changed, and a tampered expired payload is invalid rather than expired', () => {
    for (const change of [
      { sk: 'bargain' as const },
      { si: '3f2b8c1e-5a6d-4e7f-9a0b-1c2d3e4f5a6c' },
      { su: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4c' },
      { se: '1800000001' },
      { se: '1799999999' },
    ]) {
      expect(signer.verify({ ...payload, ...change }, BEFORE)).toBe('invalid');
    }
    expect(signer.verify({ ...payload, si: 'x' }, new Date(FACTS.expiresAt * 2000))).toBe('invalid');
  });

  it('is keyed apart from other secrets and from promoter links', () => {
    expect(createSharePayloadSigner('another-secret-0123456789abcdef').verify(payload, BEFORE)).toBe('invalid');
    // Same secret, same facts spelled as a promoter link: another key and another text.
    const promoter = createShareLinkSigner(SECRET).sign({
      promoterId: FACTS.inviterUserId,
      target: 'home',
      expiresAt: FACTS.expiresAt,
    });
    const home = signer.sign({ ...FACTS, kind: 'home', id: '' });
    expect(promoter.s).not.toBe(home.ss);
    expect(signer.verify({ ...home, ss: promoter.s }, BEFORE)).toBe('invalid');
  });
});
