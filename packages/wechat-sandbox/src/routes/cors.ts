import type { FastifyInstance } from 'fastify';

/**
 * H5 builds call `POST /sandbox/login` straight from the browser (from the API's origin or
 * a Taro dev server), so the sandbox allows any origin. It holds no real secrets.
 */
export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type, authorization')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    }
  });
}
