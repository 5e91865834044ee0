import type { AuthErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable, HTTP_ERRORS } from '../../http/app-error';

export const AUTH_ERRORS = {
  // The guard raises the common code, defined once with the other HTTP errors.
  UNAUTHENTICATED: HTTP_ERRORS.UNAUTHENTICATED,
  DEV_LOGIN_DISABLED: { status: 404, message: '演示登录未开启', messageEn: 'Dev login is disabled (DEV_LOGIN=off)' },
  SHOPPER_NOT_FOUND: { status: 404, message: '没有这位演示用户', messageEn: 'No demo shopper with this key' },
  WECHAT_LOGIN_FAILED: {
    status: 400,
    message: '微信登录凭证已失效，请重新登录',
    messageEn: 'WeChat rejected the login code (invalid, expired or already used)',
  },
  WECHAT_UNAVAILABLE: {
    status: 502,
    message: '微信登录暂时不可用，请稍后再试',
    messageEn: 'WeChat login service unavailable',
  },
} as const satisfies ErrorTable<AuthErrorCode>;

export class AuthError extends AppError {
  constructor(code: AuthErrorCode, overrides?: ErrorOverrides) {
    super(code, AUTH_ERRORS[code], overrides);
  }
}
