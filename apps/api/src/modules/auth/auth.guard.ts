import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { AuthError } from './auth.errors';
import { verifySessionToken } from './session-token';
import { findUserById } from './user.repository';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard on routes that require a session. */
    userId: string | null;
  }
}

/** How long a user found by the guard is taken to still exist. */
export const USER_SEEN_TTL_MS = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * preHandler for routes that need a shopper: `Authorization: Bearer <token>`, a valid
 * signature, not expired, and a user that still exists (a reset database with a kept
 * secret must not let old tokens through to foreign-key errors).
 */
export function createAuthGuard(deps: { db: Database; secret: string; clock: Clock }): preHandlerAsyncHookHandler {
  // Users known to exist, for a few seconds: a signed-in shopper pressing 抢购 or paging a list
  // costs no database round trip per request for this check. Only hits are kept, so a token of a
  // removed user is refused again within USER_SEEN_TTL_MS.
  const seen = new LRUCache<string, true>({ max: 50_000, ttl: USER_SEEN_TTL_MS });
  async function userExists(userId: string): Promise<boolean> {
    if (seen.get(userId)) return true;
    if (!(await findUserById(deps.db, userId))) return false;
    seen.set(userId, true);
    return true;
  }
  return async (request) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new AuthError('UNAUTHENTICATED', { details: { reason: 'missing' } });
    const verified = verifySessionToken(match[1], deps.secret, deps.clock());
    if (!verified.ok) {
      if (verified.reason === 'expired') {
        throw new AuthError('UNAUTHENTICATED', {
          message: '登录已过期，请重新登录',
          messageEn: 'Session expired',
          details: { reason: 'expired' },
        });
      }
      throw new AuthError('UNAUTHENTICATED', { messageEn: 'Invalid session token', details: { reason: 'invalid' } });
    }
    const { userId } = verified.claims;
    if (!UUID.test(userId) || !(await userExists(userId))) {
      throw new AuthError('UNAUTHENTICATED', {
        messageEn: 'Session user no longer exists',
        details: { reason: 'invalid' },
      });
    }
    request.userId = userId;
  };
}

/** The signed-in user's id on a guarded route. */
export function currentUserId(request: FastifyRequest): string {
  if (!request.userId) throw new AuthError('UNAUTHENTICATED', { details: { reason: 'missing' } });
  return request.userId;
}
