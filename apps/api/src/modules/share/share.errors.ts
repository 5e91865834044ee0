import type { ShareErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const SHARE_ERRORS = {
  SHARE_LINK_INVALID: {
    status: 400,
    message: '链接无效或已被篡改',
    messageEn: 'The share link signature does not match: tampered or forged',
  },
  SHARE_LINK_EXPIRED: { status: 410, message: '链接已过期', messageEn: 'The share link has expired' },
  SHARE_TARGET_NOT_FOUND: {
    status: 404,
    message: '分享的内容不存在或已结束',
    messageEn: 'What this share points to does not exist (any more)',
  },
  SHARE_SCENE_NOT_FOUND: {
    status: 404,
    message: '小程序码无效或已过期',
    messageEn: 'Unknown or expired mini-program code scene',
  },
  WECHAT_UNAVAILABLE: {
    status: 502,
    message: '小程序码生成失败，请稍后再试',
    messageEn: 'WeChat did not draw the mini-program code',
  },
} as const satisfies ErrorTable<ShareErrorCode>;

export class ShareError extends AppError {
  constructor(code: ShareErrorCode, overrides?: ErrorOverrides) {
    super(code, SHARE_ERRORS[code], overrides);
  }
}
