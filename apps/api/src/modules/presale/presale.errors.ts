import type { PresaleErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const PRESALE_ERRORS = {
  PRESALE_NOT_FOUND: { status: 404, message: '预售活动不存在', messageEn: 'Presale not found' },
  PRESALE_NOT_LIVE: { status: 409, message: '预售未开始或已结束', messageEn: 'Presale has not started or is over' },
  PRESALE_SOLD_OUT: { status: 409, message: '预售库存不足', messageEn: 'Not enough presale stock left' },
  PRESALE_LIMIT_REACHED: { status: 409, message: '已达每人限购数量', messageEn: 'Per-shopper limit reached' },
  PRESALE_RULES_BROKEN: {
    status: 422,
    message: '预售设置不符合规则',
    messageEn: 'The presale breaks a rule; see details.problems',
  },
  PRESALE_EXISTS: { status: 409, message: '预售编号已存在', messageEn: 'A presale with this id exists' },
} as const satisfies ErrorTable<PresaleErrorCode>;

export class PresaleError extends AppError {
  constructor(code: PresaleErrorCode, overrides?: ErrorOverrides) {
    super(code, PRESALE_ERRORS[code], overrides);
  }
}
