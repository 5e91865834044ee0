import type { DistributionErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const DISTRIBUTION_ERRORS = {
  DISTRIBUTION_NOT_PROMOTER: {
    status: 403,
    message: '成为已审核的推广员后才能生成推广链接',
    messageEn: 'Only approved promoters can create share links',
  },
  DISTRIBUTION_PROMOTER_NOT_APPROVED: {
    status: 409,
    message: '该推广员不存在或未通过审核',
    messageEn: 'The promoter of this link is unknown or not approved',
  },
  DISTRIBUTION_SELF_BINDING: { status: 409, message: '不能绑定自己', messageEn: 'A buyer cannot bind to themselves' },
  DISTRIBUTION_BINDING_CYCLE: {
    status: 409,
    message: '该推广员是由你邀请的，不能互相绑定',
    messageEn: 'This promoter is in your own team: binding would make a cycle',
  },
  DISTRIBUTION_ALREADY_BOUND: {
    status: 409,
    message: '你已绑定其他推广员，绑定期内不可更换',
    messageEn: 'Already bound to another promoter within the attribution window',
  },
  DISTRIBUTION_RATE_OUT_OF_RANGE: {
    status: 422,
    message: '佣金比例须在 8%–15% 之间',
    messageEn: 'The commission rate must be between 8% and 15%',
  },
  DISTRIBUTION_PROMOTER_NOT_FOUND: { status: 404, message: '推广员不存在', messageEn: 'Promoter not found' },
  SHARE_LINK_INVALID: {
    status: 400,
    message: '链接无效或已被篡改',
    messageEn: 'The share link signature does not match: tampered or forged',
  },
  SHARE_LINK_EXPIRED: { status: 410, message: '链接已过期', messageEn: 'The share link has expired' },
  PRODUCT_NOT_FOUND: { status: 404, message: '商品不存在或已下架', messageEn: 'Product not found' },
  WITHDRAWAL_BELOW_MINIMUM: {
    status: 422,
    message: '提现金额至少 1 元（整数分）',
    messageEn: 'A withdrawal is at least ¥1, in whole fen',
  },
  WITHDRAWAL_ABOVE_LIMIT: {
    status: 422,
    message: '单笔提现须低于 2000 元',
    messageEn: 'One withdrawal must stay below ¥2,000 (WeChat requires the real name from ¥2,000)',
  },
  WITHDRAWAL_OVER_BALANCE: {
    status: 422,
    message: '提现金额超过可提现佣金',
    messageEn: 'The amount is more than the available commission',
  },
  WITHDRAWAL_IN_FLIGHT: {
    status: 409,
    message: '已有一笔提现正在处理，请等待完成后再申请',
    messageEn: 'A withdrawal is already being processed',
  },
  WITHDRAWAL_OPENID_MISSING: {
    status: 409,
    message: '请先在该小程序中用微信登录，才能提现到微信零钱',
    messageEn: 'No WeChat openid in this mini-program to pay the withdrawal into',
  },
  WITHDRAWAL_NOT_FOUND: { status: 404, message: '提现申请不存在', messageEn: 'Withdrawal not found' },
  WITHDRAWAL_NOT_PENDING: {
    status: 409,
    message: '该提现已审核或已处理',
    messageEn: 'The withdrawal is no longer waiting for approval',
  },
  WITHDRAWAL_TRANSFER_UNAVAILABLE: {
    status: 503,
    message: '暂不支持提现到微信零钱',
    messageEn: 'WeChat Pay merchant transfer is not configured on this server',
  },
} as const satisfies ErrorTable<DistributionErrorCode>;

export class DistributionError extends AppError {
  constructor(code: DistributionErrorCode, overrides?: ErrorOverrides) {
    super(code, DISTRIBUTION_ERRORS[code], overrides);
  }
}
