import type { PromotionErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const PROMOTION_ERRORS = {
  COUPON_TEMPLATE_NOT_FOUND: { status: 404, message: '优惠券不存在', messageEn: 'Coupon offer not found' },
  COUPON_NOT_CLAIMABLE: { status: 409, message: '该优惠券当前不可领取', messageEn: 'Coupon offer is not open' },
  COUPON_SOLD_OUT: { status: 409, message: '优惠券已领完', messageEn: 'Coupon offer sold out' },
  COUPON_CLAIM_LIMIT: { status: 409, message: '已达领取上限', messageEn: 'Claim limit reached' },
  COUPON_NOT_FOUND: { status: 404, message: '优惠券不存在', messageEn: 'Coupon not found' },
  COUPON_EXPIRED: { status: 422, message: '优惠券已过期', messageEn: 'Coupon expired' },
  COUPON_NOT_STARTED: { status: 422, message: '优惠券尚未生效', messageEn: 'Coupon not valid yet' },
  COUPON_ALREADY_USED: { status: 422, message: '优惠券已使用', messageEn: 'Coupon already used' },
  COUPON_NOT_APPLICABLE: {
    status: 422,
    message: '所选商品不适用该优惠券',
    messageEn: 'Coupon does not apply to these items',
  },
  COUPON_NEW_USER_ONLY: {
    status: 422,
    message: '新人券仅限首单使用',
    messageEn: 'New-customer coupon is for the first order',
  },
  COUPON_BELOW_THRESHOLD: {
    status: 422,
    message: '未达到优惠券使用门槛',
    messageEn: 'Order is below the coupon threshold',
  },
  POINTS_OVER_BALANCE: { status: 422, message: '积分不足', messageEn: 'Not enough points' },
  POINTS_OVER_CAP: { status: 422, message: '超出本单积分抵扣上限', messageEn: 'Points exceed the cap for this order' },
  CART_EMPTY: { status: 422, message: '请先选择要结算的商品', messageEn: 'No items selected to check out' },
  SKU_NOT_FOUND: { status: 404, message: '该商品规格不存在或已下架', messageEn: 'SKU not found' },
  INSUFFICIENT_STOCK: { status: 409, message: '库存不足', messageEn: 'Not enough stock' },
} as const satisfies ErrorTable<PromotionErrorCode>;

export class PromotionError extends AppError {
  constructor(code: PromotionErrorCode, overrides?: ErrorOverrides) {
    super(code, PROMOTION_ERRORS[code], overrides);
  }
}
