import type { ApiErrorCode, CommonErrorCode } from '@wematrix/shared';

/** What one error code means to a shopper and to a developer. */
export interface ErrorSpec {
  status: number;
  /** Simplified Chinese, fit to show to a shopper. */
  message: string;
  messageEn: string;
}

/**
 * A module's codes and what each means. Codes come from the closed unions in
 * @wematrix/shared (error-codes.ts): every code of the union needs an entry, and an entry
 * for a code the union lacks does not compile.
 */
export type ErrorTable<Code extends ApiErrorCode> = Record<Code, ErrorSpec>;

export interface ErrorOverrides {
  message?: string;
  messageEn?: string;
  details?: unknown;
}

/**
 * Base of every module's error class. Each module keeps a closed table of its codes
 * (`cart.errors.ts` ...); the one error handler (error-handler.ts) turns any AppError into
 * `{ code, message, messageEn, details? }` with the table's status.
 */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(code: ApiErrorCode, spec: ErrorSpec, overrides: ErrorOverrides = {}) {
    super(overrides.message ?? spec.message);
    this.name = 'AppError';
    this.code = code;
    this.status = spec.status;
    this.messageEn = overrides.messageEn ?? spec.messageEn;
    this.details = overrides.details;
  }
}

/** Errors any route can raise (COMMON_ERROR_CODES in @wematrix/shared). */
export const HTTP_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求参数有误，请检查后重试', messageEn: 'Request validation failed' },
  MALFORMED_JSON: { status: 400, message: '请求格式有误', messageEn: 'Request body is not valid JSON' },
  MALFORMED_URL: { status: 400, message: '请求地址有误', messageEn: 'Request URL is not validly percent-encoded' },
  BAD_REQUEST: { status: 400, message: '请求有误', messageEn: 'Bad request' },
  UNAUTHENTICATED: { status: 401, message: '请先登录', messageEn: 'Sign-in required' },
  NOT_FOUND: { status: 404, message: '页面不存在', messageEn: 'Route not found' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大', messageEn: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求格式不受支持', messageEn: 'Unsupported content type' },
  INTERNAL: { status: 500, message: '服务开小差了，请稍后再试', messageEn: 'Internal server error' },
} as const satisfies ErrorTable<CommonErrorCode>;

export type HttpErrorCode = CommonErrorCode;

export class HttpError extends AppError {
  constructor(code: HttpErrorCode, overrides?: ErrorOverrides) {
    super(code, HTTP_ERRORS[code], overrides);
  }
}
