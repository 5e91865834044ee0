import { createHash, timingSafeEqual } from 'node:crypto';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { HttpError } from './app-error';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * preHandler for the operators' routes under /api/ops until the console has sign-in:
 * `Authorization: Bearer <OPS_API_TOKEN>`. With no token configured the routes do not exist
 * for anyone (404 NOT_FOUND saying so); a missing or wrong token is 401 UNAUTHENTICATED.
 * Compared as sha256 digests with timingSafeEqual, so neither the token nor its length leaks
 * through timing.
 */
export function createOpsGuard(token: string | null): preHandlerAsyncHookHandler {
  const expected = token === null ? null : digest(token);
  return async (request) => {
    if (expected === null) {
      throw new HttpError('NOT_FOUND', {
        messageEn: 'Operator routes are off on this server: OPS_API_TOKEN is not set',
      });
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new HttpError('UNAUTHENTICATED', {
        message: '操作员口令无效',
        messageEn: 'Operator token missing or wrong: send Authorization: Bearer <OPS_API_TOKEN>',
      });
    }
  };
}
