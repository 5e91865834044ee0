import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The JSON body exactly as received, for signature checks over the bytes the sender
     * signed (WeChat Pay notifications): re-serialising the parsed object would not match.
     * Undefined for requests without a JSON body.
     */
    rawBody?: Buffer;
  }
}

/**
 * JSON bodies with Fastify's prototype-poisoning protection, except that an empty body is
 * "no body": mini-program request wrappers send `content-type: application/json` on DELETE
 * and bodiless POSTs, which the default parser would reject as malformed. The received
 * bytes stay on `request.rawBody`.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const defaultParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    request.rawBody = bytes;
    const text = bytes.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    defaultParser(request, text, done);
  });
}
