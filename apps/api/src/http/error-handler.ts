import type { ApiErrorBody } from '@wematrix/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_ERRORS, HttpError, type HttpErrorCode } from './app-error';

/** Fastify's own errors that are the caller's fault, mapped onto our closed codes. */
const FASTIFY_CODES: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
};

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const code = (error as FastifyError).code;
  // The router refuses a path parameter over maxParamLength before any schema sees it; a
  // long id is the same mistake as one just over idSchema's limit, so it gets the same answer.
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new HttpError('VALIDATION_FAILED', { messageEn: 'Invalid params: a path parameter is too long' });
  }
  const mapped = code ? FASTIFY_CODES[code] : undefined;
  if (mapped) return new HttpError(mapped);
  const status = (error as FastifyError).statusCode;
  // Any other 4xx Fastify or a plugin raises (a NUL in a static file's path...) is still the caller's input.
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('BAD_REQUEST', { ...HTTP_ERRORS.BAD_REQUEST, status });
  }
  return new HttpError('INTERNAL');
}

/**
 * The one place errors become HTTP. 4xx carry the module's code and a message the apps can
 * show; 5xx never echo internals (no stack, SQL or upstream text), they are logged instead.
 */
function replyWithError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ code: appError.code, messageEn: appError.messageEn }, 'request rejected');
  }
  const body: ApiErrorBody = { code: appError.code, message: appError.message, messageEn: appError.messageEn };
  if (appError.details !== undefined && appError.status < 500) body.details = appError.details;
  return reply.code(appError.status).send(body);
}

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route or hook runs
 * (bad percent-encoding, a path parameter over maxParamLength). Without it Fastify answers
 * them in its own body shape, which the apps cannot read.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void replyWithError(error, request, reply);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => replyWithError(error, request, reply));

  app.setNotFoundHandler((request, reply) => {
    const spec = HTTP_ERRORS.NOT_FOUND;
    const body: ApiErrorBody = {
      code: 'NOT_FOUND',
      message: spec.message,
      messageEn: `No route for ${request.method} ${request.url.split('?')[0]}`,
    };
    return reply.code(404).send(body);
  });
}
