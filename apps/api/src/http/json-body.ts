import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies with Fastify's prototype-poisoning protection, except that an empty body is
 * "no body": mini-program request wrappers send `content-type: application/json` on DELETE
 * and bodiless POSTs, which the default parser would reject as malformed.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const defaultParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    defaultParser(request, text, done);
  });
}
