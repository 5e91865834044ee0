import type { PointsMallErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const POINTS_MALL_ERRORS = {
  POINTS_MALL_ITEM_NOT_FOUND: { status: 404, message: '兑换商品不存在', messageEn: 'Points mall item not found' },
  POINTS_MALL_ITEM_UNAVAILABLE: {
    status: 409,
    message: '该商品暂不可兑换',
    messageEn: 'Points mall item is not available',
  },
  POINTS_MALL_SOLD_OUT: { status: 409, message: '已兑完', messageEn: 'Points mall item sold out' },
  POINTS_MALL_LIMIT_REACHED: { status: 409, message: '已达兑换上限', messageEn: 'Exchange limit reached' },
  POINTS_INSUFFICIENT: { status: 409, message: '积分不足', messageEn: 'Not enough points' },
} as const satisfies ErrorTable<PointsMallErrorCode>;

export class PointsMallError extends AppError {
  constructor(code: PointsMallErrorCode, overrides?: ErrorOverrides) {
    super(code, POINTS_MALL_ERRORS[code], overrides);
  }
}
