import { idempotencyKeySchema } from '@wematrix/shared';
import type { FastifyRequest } from 'fastify';
import { IdempotencyError } from './idempotency.errors';

/** The request's `Idempotency-Key` header, once and well-formed, or 400 IDEMPOTENCY_KEY_REQUIRED. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const parsed = idempotencyKeySchema.safeParse(request.headers['idempotency-key']);
  if (!parsed.success) throw new IdempotencyError('IDEMPOTENCY_KEY_REQUIRED');
  return parsed.data;
}
