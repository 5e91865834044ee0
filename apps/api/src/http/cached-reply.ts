import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedResponse } from './response-cache';

/**
 * Sends a cached JSON answer with its ETag, or 304 when the client already has it.
 * `no-cache` makes clients revalidate every time: an edited price shows on the next
 * request, and an unchanged page costs a header exchange.
 */
export function replyCached(request: FastifyRequest, reply: FastifyReply, cached: CachedResponse): FastifyReply {
  reply.header('etag', cached.etag).header('cache-control', 'no-cache');
  const known = request.headers['if-none-match'];
  if (known?.split(',').some((tag) => tag.trim() === cached.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(cached.body);
}
