import type { FastifyInstance } from 'fastify';

/**
 * The API is called cross-origin by H5 dev servers (Taro's watch builds on other ports).
 * Sessions are bearer tokens, never cookies, so allowing any origin exposes nothing a
 * page could not already send; credentials stay off.
 */
export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    }
  });
}
