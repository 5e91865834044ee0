import type { IdempotencyErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

/** The refusals of any write that takes an Idempotency-Key (order creation, points exchange). */
export const IDEMPOTENCY_ERRORS = {
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: '请求缺少防重复提交标识，请刷新后重试',
    messageEn: 'Idempotency-Key header (8-64 characters of A-Z a-z 0-9 _ . : -) is required',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: '重复的提交标识用于了不同的请求内容',
    messageEn: 'This Idempotency-Key was used with a different request body',
  },
} as const satisfies ErrorTable<IdempotencyErrorCode>;

export class IdempotencyError extends AppError {
  constructor(code: IdempotencyErrorCode, overrides?: ErrorOverrides) {
    super(code, IDEMPOTENCY_ERRORS[code], overrides);
  }
}
