import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signSessionToken, verifySessionToken } from './session-token';

const SECRET = 'unit-test-secret';
const USER = '3f250e8f-b91f-494f-966f-669a8735d6d8';
const NOW = new Date('2026-05-01T00:00:00Z');

describe('session tokens', () => {
  const token = signSessionToken({ userId: USER, expiresAt: new Date('2026-05-02T00:00:00Z') }, SECRET);

  it('round-trips the user id and expiry', () => {
    expect(verifySessionToken(token, SECRET, NOW)).toEqual({
      ok: true,
      claims: { userId: USER, expiresAt: new Date('2026-05-02T00:00:00Z') },
    });
  });

  it('is expired at and after its expiry second', () => {
    expect(verifySessionToken(token, SECRET, new Date('2026-05-01T23:59:59Z')).ok).toBe(true);
    expect(verifySessionToken(token, SECRET, new Date('2026-05-02T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects another secret, a changed payload and malformed tokens', () => {
    expect(verifySessionToken(token, 'other', NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    const [v, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: USER, e: 9999999999 })).toString('base64url');
    expect(verifySessionToken(`${v}.${forged}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    for (const bad of ['', 'a.b', 'v2.x.y', 'v1..', `${token}.extra`]) {
      expect(verifySessionToken(bad, SECRET, NOW).ok).toBe(false);
    }
  });

  it('rejects a signed payload of the wrong shape', () => {
    // Signed with the right secret but not a session: still refused.
    const payload = Buffer.from(JSON.stringify({ u: 42, e: 'soon' })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`v1.${payload}`).digest('base64url');
    expect(verifySessionToken(`v1.${payload}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
