import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless session tokens: `v1.<payload>.<signature>`, payload = base64url JSON
 * `{ u: userId, e: expiry (unix seconds) }`, signature = HMAC-SHA256 over `v1.<payload>`.
 * Nothing to store, any API instance can check them; revocation is by rotating
 * SESSION_SECRET (or waiting for expiry), which is enough for a storefront session.
 */
const VERSION = 'v1';

export interface SessionClaims {
  userId: string;
  expiresAt: Date;
}

export type VerifyResult =
  | { ok: true; claims: SessionClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

function sign(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signSessionToken(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ u: claims.userId, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${sign(signed, secret).toString('base64url')}`;
}

export function verifySessionToken(token: string, secret: string, now: Date): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  const given = Buffer.from(parts[2], 'base64url');
  // Constant-time comparison so the signature cannot be guessed byte by byte.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  let payload: { u?: unknown; e?: unknown };
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { u?: unknown; e?: unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.u !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(payload.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { userId: payload.u, expiresAt } };
}
