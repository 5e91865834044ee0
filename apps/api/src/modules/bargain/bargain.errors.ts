import type { BargainErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const BARGAIN_ERRORS = {
  BARGAIN_ACTIVITY_NOT_FOUND: { status: 404, message: '砍价活动不存在', messageEn: 'Bargain activity not found' },
  BARGAIN_NOT_FOUND: { status: 404, message: '砍价不存在', messageEn: 'Bargain not found' },
  BARGAIN_NOT_LIVE: { status: 409, message: '砍价活动未开始或已结束', messageEn: 'Bargain activity is not live' },
  BARGAIN_LIMIT: {
    status: 409,
    message: '该活动发起砍价次数已达上限',
    messageEn: 'You started as many bargains of this activity as it allows',
  },
  BARGAIN_EXPIRED: { status: 409, message: '砍价已结束', messageEn: 'This bargain has expired' },
  BARGAIN_ALREADY_HELPED: {
    status: 409,
    message: '你已经帮好友砍过了',
    messageEn: 'You already helped this bargain',
  },
  BARGAIN_OWN: { status: 409, message: '不能给自己砍价哦', messageEn: 'You cannot help your own bargain' },
  BARGAIN_FLOOR_REACHED: {
    status: 409,
    message: '已砍到底价，无需再砍',
    messageEn: 'This bargain is already at its floor price',
  },
  BARGAIN_ALREADY_ORDERED: {
    status: 409,
    message: '已按砍后价下单',
    messageEn: 'The owner has already ordered at the bargain price',
  },
} as const satisfies ErrorTable<BargainErrorCode>;

export class BargainError extends AppError {
  constructor(code: BargainErrorCode, overrides?: ErrorOverrides) {
    super(code, BARGAIN_ERRORS[code], overrides);
  }
}
