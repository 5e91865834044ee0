import type { LotteryErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const LOTTERY_ERRORS = {
  LOTTERY_NOT_FOUND: { status: 404, message: '抽奖活动不存在', messageEn: 'Lottery not found' },
  LOTTERY_NOT_LIVE: { status: 409, message: '抽奖未开始或已结束', messageEn: 'Lottery has not started or is over' },
  LOTTERY_NO_DRAWS_LEFT: {
    status: 409,
    message: '今日抽奖次数已用完，明天再来吧',
    messageEn: 'No draws left today',
  },
  LOTTERY_PRIZE_NOT_FOUND: { status: 404, message: '奖品不存在', messageEn: 'Prize not found' },
  LOTTERY_PRIZE_ALREADY_CLAIMED: {
    status: 409,
    message: '奖品已领取',
    messageEn: 'Prize already claimed',
  },
  LOTTERY_POOL_INVALID: { status: 422, message: '奖池设置不符合规则', messageEn: 'Prize pool refused' },
} as const satisfies ErrorTable<LotteryErrorCode>;

export class LotteryError extends AppError {
  constructor(code: LotteryErrorCode, overrides?: ErrorOverrides) {
    super(code, LOTTERY_ERRORS[code], overrides);
  }
}
